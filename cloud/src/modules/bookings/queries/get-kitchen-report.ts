import { In } from 'typeorm';
import { allergenClashes, DIET_TAGS, SEAT_HOLDING_STATUSES, ZSlotRequest, type DishDTO, type KitchenReportDTO, type MealMode } from '@hg/types';
import { byId } from '../../../core/by-id';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, notFound } from '../../../core/errors';
import { isCentreStaff } from '../booking.policy';
import { dietsOf, dishesOf, presentRemark, presentSlot } from '../booking.presenter';
import { Booking } from '../booking.entity';
import { Elder } from '../elder.entity';
import { Slot } from '../slot.entity';
import { allergensOfDish } from './get-quote';

/** Counter first, then the delivery round. */
const MODE_ORDER: MealMode[] = ['dine_in', 'delivery'];

/**
 * 厨房单 / 送餐单: for one slot, everyone holding a seat (booked, offered, redeemed, no-show —
 * the kitchen cooks for each), counted by mode and by diet tag, the allergies to mind, and the
 * list for the counter and the delivery round (by mode, then address, so a round walks building
 * by building), and the menu checked against those allergies. Centre staff only.
 */
export const getKitchenReport = defineAction({
  input: ZSlotRequest,
  async handler({ slotId }, { actor, ds }): Promise<KitchenReportDTO> {
    const em = ds.manager;
    const slot = await em.findOne(Slot, { where: { id: slotId } });
    if (!slot) throw notFound('时段');
    if (!isCentreStaff(actor, slot.centreId)) throw forbidden('只有本中心工作人员可以查看厨房单');
    const [rows, waitlisted] = await Promise.all([
      em.find(Booking, { where: { slotId, status: In(SEAT_HOLDING_STATUSES) }, order: { id: 'ASC' } }),
      em.count(Booking, { where: { slotId, status: 'waitlisted' } }),
    ]);
    const elders = await byId(
      em,
      Elder,
      rows.map((b) => b.elderId),
    );
    const seated = rows
      .map((b) => ({ booking: b, elder: elders.get(b.elderId)! }))
      .sort(
        (a, b) =>
          MODE_ORDER.indexOf(a.booking.mode) - MODE_ORDER.indexOf(b.booking.mode) ||
          a.elder.address.localeCompare(b.elder.address, 'zh-CN', { numeric: true }) ||
          a.elder.name.localeCompare(b.elder.name, 'zh-CN'),
      );
    const people = seated.map(({ booking, elder }) => ({
      bookingId: booking.id,
      name: elder.name,
      mode: booking.mode,
      status: booking.status,
      address: elder.address,
      diets: dietsOf(elder),
      remark: presentRemark(booking),
    }));
    const byMode: Record<MealMode, number> = { dine_in: 0, delivery: 0 };
    for (const p of people) byMode[p.mode]++;
    const byDiet = DIET_TAGS.map((tag) => ({ tag, count: people.filter((p) => p.diets.includes(tag)).length })).filter((d) => d.count > 0);
    const allergic = seated.filter(({ elder }) => elder.allergies.trim() !== '').map(({ elder }) => elder);
    const allergies = allergic.map((elder) => ({ name: elder.name, allergies: elder.allergies }));
    return { slot: presentSlot(slot, clock.now(), { waitlisted }), total: people.length, byMode, byDiet, allergies, allergyAlerts: allergyAlerts(dishesOf(slot), allergic), people };
  },
});

/**
 * 「本餐含鸡蛋（番茄炒蛋）→ 王秀兰过敏」: per allergen on the menu, the dishes holding it and the
 * seated elders allergic to it (in menu order; an elder booked twice is named once).
 */
export function allergyAlerts(dishes: DishDTO[], elders: Pick<Elder, 'name' | 'allergies'>[]): KitchenReportDTO['allergyAlerts'] {
  const alerts: KitchenReportDTO['allergyAlerts'] = [];
  for (const dish of dishes) {
    for (const elder of elders) {
      for (const allergen of allergenClashes(allergensOfDish(dish), elder.allergies)) {
        let alert = alerts.find((a) => a.allergen === allergen);
        if (!alert) alerts.push((alert = { allergen, dishes: [], names: [] }));
        if (!alert.dishes.includes(dish.name)) alert.dishes.push(dish.name);
        if (!alert.names.includes(elder.name)) alert.names.push(elder.name);
      }
    }
  }
  return alerts;
}
