import { allergenClashes, commonAllergenOf, localYear, priceFor, SUBSIDY_USED_TODAY, ZQuoteRequest, type DietTag, type DishDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { invalidInput, notFound } from '../../../core/errors';
import { dayPrice, hasDeliveryAddress } from '../booking-flow';
import { bookingChannel, isLinkedFamily } from '../booking.policy';
import { sameElderIds } from '../daily-subsidy';
import { dietsOf, dishesOf, presentSlot } from '../booking.presenter';
import { Elder } from '../elder.entity';
import { priceForElder, subsidyClaim } from '../elder-verification';
import { elderView, elderViewers, presentPrice } from '../elder-visibility';
import { Slot } from '../slot.entity';
import { readSubsidySettings, tierLabelOf } from '../subsidy-settings';

/**
 * 报价: before booking, what the elder pays (the subsidy tier of highest value applied), the seats
 * left, whether booking is still open, and warnings where a dish clashes with the elder's profile.
 * The subsidy is the city's in force (settings), the same a booking made now is priced by.
 * Warnings inform; they never refuse a booking. The subsidy part only for the elder and centre
 * staff (family and proxies see the menu price): elder-visibility.ts.
 */
export const getQuote = defineAction({
  input: ZQuoteRequest,
  async handler({ slotId, elderId }, { actor, ds }) {
    const now = clock.now();
    const slot = await ds.manager.findOne(Slot, { where: { id: slotId } });
    if (!slot) throw notFound('时段');
    const elder = await ds.manager.findOne(Elder, { where: { id: elderId } });
    if (!elder || !(await bookingChannel(ds.manager, actor, elder))) throw notFound('老人档案');
    if (elder.centreId !== slot.centreId) throw invalidInput('slotId', '该时段不属于老人建档的中心');
    const view = elderView(elderViewers(actor, elder, await isLinkedFamily(ds.manager, actor.userId, elder.id)));
    const { seats, open } = presentSlot(slot, now);
    const settings = await readSubsidySettings(ds.manager);
    // What the declaration would earn once verified: the elder is told it waits for the centre.
    const claimed = elder.verifiedAt === null ? priceFor(slot.priceFen, { ...subsidyClaim(elder), verified: true }, localYear(now), settings) : null;
    // The same count a booking makes (without its lock): the day's subsidised meals already held.
    const price = await dayPrice(ds.manager, slot, elder, await sameElderIds(ds.manager, elder), now, settings);
    const capped = price.subsidyFen === 0 && priceForElder(slot.priceFen, elder, now, settings).subsidyFen > 0;
    return {
      ...presentPrice(price, view, settings),
      capNote: view.subsidy && capped ? SUBSIDY_USED_TODAY : null,
      // Where a delivered meal goes, to confirm before booking (the address is the profile's: shown
      // to the elder and centre staff; others learn only whether there is one).
      delivery: { hasAddress: hasDeliveryAddress(elder), address: view.profile && hasDeliveryAddress(elder) ? elder.address : null },
      pending: view.subsidy && claimed?.tier ? { tierLabel: tierLabelOf(settings, claimed.tier)!, subsidyFen: claimed.subsidyFen } : null,
      warnings: view.bookingWarnings ? dietWarnings(dishesOf(slot), dietsOf(elder), elder.allergies, elderAddress(actor, elder)) : [],
      seatsLeft: { dineIn: seats.dineIn.left, delivery: seats.delivery.left },
      open,
    };
  },
});

/** Diets a dish must be tagged with to be safe for the elder (religion, vegetarian). */
/** How a warning names the elder: 您 to the elder, the name to whoever books for them. */
export const elderAddress = (actor: { userId: number }, elder: Pick<Elder, 'userId' | 'name'>): string => (elder.userId === actor.userId ? '您' : elder.name);

const STRICT_DIETS: DietTag[] = ['清真', '素食'];
/** Words in a dish's name that suggest sugar, for an elder on 低糖 when the dish is not tagged 低糖. */
const SWEET = /糖|甜|蜜/;

/**
 * The allergens a dish holds for the kitchen's and the elder's purposes: those the centre declared,
 * and a common one its name gives away (「番茄炒蛋」 → 鸡蛋) when the form was left short.
 */
export function allergensOfDish(dish: DishDTO): string[] {
  const named = commonAllergenOf(dish.name);
  return named && !dish.allergens.includes(named) ? [...dish.allergens, named] : dish.allergens;
}

/**
 * 「花生酥」含花生 → 您过敏 for each dish holding one of the elder's allergies (allergens.ts matches
 * the words); `who` is 您 for the elder, their name for anyone booking for them.
 */
export function allergyWarnings(dishes: DishDTO[], allergies: string, who: string): string[] {
  return dishes.flatMap((dish) => {
    const hits = allergenClashes(allergensOfDish(dish), allergies);
    return hits.length ? [`「${dish.name}」含${hits.join('、')} → ${who}过敏`] : [];
  });
}

/**
 * Rules a person can check by reading the menu: a dish holding one of the elder's allergies
 * (allergyWarnings); a 清真 / 素食 elder and a dish not tagged so; a 低糖 elder and an untagged dish
 * named sweet.
 */
export function dietWarnings(dishes: DishDTO[], diets: DietTag[], allergies: string, who: string): string[] {
  const out: string[] = allergyWarnings(dishes, allergies, who);
  for (const dish of dishes) {
    for (const diet of STRICT_DIETS) if (diets.includes(diet) && !dish.tags.includes(diet)) out.push(`「${dish.name}」未标注${diet}`);
    if (diets.includes('低糖') && !dish.tags.includes('低糖') && SWEET.test(dish.name)) out.push(`「${dish.name}」可能含糖，请留意`);
  }
  return out;
}
