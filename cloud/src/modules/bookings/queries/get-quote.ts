import { localYear, priceFor, ZQuoteRequest, type DietTag, type DishDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { invalidInput, notFound } from '../../../core/errors';
import { bookingChannel, isLinkedFamily } from '../booking.policy';
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
    return {
      ...presentPrice(priceForElder(slot.priceFen, elder, now, settings), view, settings),
      pending: view.subsidy && claimed?.tier ? { tierLabel: tierLabelOf(settings, claimed.tier)!, subsidyFen: claimed.subsidyFen } : null,
      warnings: view.bookingWarnings ? dietWarnings(dishesOf(slot), dietsOf(elder), elder.allergies) : [],
      seatsLeft: { dineIn: seats.dineIn.left, delivery: seats.delivery.left },
      open,
    };
  },
});

/** Diets a dish must be tagged with to be safe for the elder (religion, vegetarian). */
const STRICT_DIETS: DietTag[] = ['清真', '素食'];
/** Words in a dish's name that suggest sugar, for an elder on 低糖 when the dish is not tagged 低糖. */
const SWEET = /糖|甜|蜜/;

/**
 * Rules a person can check by reading the menu: an allergy word (split on 、，,；; and spaces) in a
 * dish's allergens or name; a 清真 / 素食 elder and a dish not tagged so; a 低糖 elder and an
 * untagged dish named sweet.
 */
export function dietWarnings(dishes: DishDTO[], diets: DietTag[], allergies: string): string[] {
  const words = allergies
    .split(/[、，,；;\s]+/)
    .map((w) => w.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const dish of dishes) {
    const hits = words.filter((w) => dish.allergens.includes(w) || dish.name.includes(w));
    if (hits.length) out.push(`「${dish.name}」含过敏原：${hits.join('、')}`);
    for (const diet of STRICT_DIETS) if (diets.includes(diet) && !dish.tags.includes(diet)) out.push(`「${dish.name}」未标注${diet}`);
    if (diets.includes('低糖') && !dish.tags.includes('低糖') && SWEET.test(dish.name)) out.push(`「${dish.name}」可能含糖，请留意`);
  }
  return out;
}
