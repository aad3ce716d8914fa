import { IsNull, type EntityManager } from 'typeorm';
import { addDays, BOOKING_RULES, ErrorCode, localDay, SITTING_LABEL, SLOT_KIND_LABEL, ZSaveSlotRequest, type DishDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { AppError, conflict, forbidden, invalidInput, isUniqueViolation } from '../../../core/errors';
import { closedDayReason } from '../../slots/public';
import { isCentreStaff } from '../booking.policy';
import { presentSlot } from '../booking.presenter';
import { loadCentre } from '../centres';
import { monthDay } from '../meal-days';
import { publishMealSitting } from '../meal-sittings';
import { Slot } from '../slot.entity';

/** The stored menu's column width (booking_slots.dishes). */
const DISHES_COLUMN = 2000;
/** An explicit offset: "11:30" alone would be read in the server's zone, not Beijing's. */
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

/**
 * 发布时段: centre staff publish a slot — a meal sitting (午餐/晚餐) with its menu, dine-in and
 * delivery capacities, price and cut-off, or a room / consultation / visit slot with one capacity.
 * Only from today up to BOOKING_RULES.slotDaysAhead days ahead, with a cut-off still to come; one
 * sitting per centre, day and meal (a sitting a 休息日 withdrew gives its place to the new one once
 * the day is reopened); nothing on a day the centre closed (休息日: CONFLICT on `day`,
 * checked by a locking read in the insert's transaction, so a day closed meanwhile is either
 * refused here or withdraws this sitting too).
 */
export const saveSlot = defineAction({
  input: ZSaveSlotRequest,
  async handler(input, { actor, ds, tx }) {
    const now = clock.now();
    const { centre } = await loadCentre(ds.manager, input.centreId);
    if (!isCentreStaff(actor, centre.id)) throw forbidden('只有本中心工作人员可以发布时段');

    for (const field of ['startsAt', 'endsAt', 'cutoffAt'] as const) {
      if (!HAS_OFFSET.test(input[field])) throw invalidInput(field, '时间须带时区（如 +08:00）');
    }
    const startsAt = new Date(input.startsAt);
    const cutoffAt = new Date(input.cutoffAt);
    const today = localDay(now);
    const lastDay = addDays(today, BOOKING_RULES.slotDaysAhead);
    if (input.day < today) throw invalidInput('day', '不能为过去的日期发布时段');
    if (input.day > lastDay) throw invalidInput('day', `最多提前${BOOKING_RULES.slotDaysAhead}天发布`);
    if (localDay(startsAt) !== input.day) throw invalidInput('startsAt', '开始时间须在所选日期当天（北京时间）');
    if (cutoffAt.getTime() <= now.getTime()) throw invalidInput('cutoffAt', '截止时间已过');

    const meal = input.kind === 'meal';
    if (!meal && input.sitting) throw invalidInput('sitting', '只有助餐分午餐、晚餐');
    if (!meal && input.dishes.length) throw invalidInput('dishes', '只有助餐有菜单');
    const dishes: DishDTO[] = input.dishes.map((d) => ({ name: d.name, tags: [...new Set(d.tags)], allergens: d.allergens }));
    const menu = JSON.stringify(dishes);
    if (menu.length > DISHES_COLUMN) throw invalidInput('dishes', '菜单内容过长，请精简菜名或过敏原');
    const sitting = meal ? input.sitting! : null;

    await refuseClosedDay(ds.manager, centre.id, input.day);
    if (sitting && (await ds.manager.exists(Slot, { where: { centreId: centre.id, kind: 'meal', day: input.day, sitting, withdrawnAt: IsNull() } }))) {
      throw conflict(`${input.day}的${SITTING_LABEL[sitting]}已发布`);
    }
    // The check above answers most repeats; the unique key (centre, day, sitting) answers a race.
    const slot = await tx(async (em) => {
      await refuseClosedDay(em, centre.id, input.day);
      const values = {
        centreId: centre.id,
        kind: input.kind,
        day: input.day,
        sitting,
        title: input.title || (sitting ? SITTING_LABEL[sitting] : SLOT_KIND_LABEL[input.kind]),
        startsAt,
        endsAt: new Date(input.endsAt),
        cutoffAt,
        capacityDineIn: input.capacityDineIn,
        capacityDelivery: meal ? input.capacityDelivery : 0,
        opensAt: input.opensAt ? new Date(input.opensAt) : null,
        quotaPerWeek: input.quotaPerWeek ?? null,
        priceFen: input.priceFen,
        dishes: menu,
        createdById: actor.userId,
        createdAt: now,
      };
      // A meal sitting takes the place of one a 休息日 withdrew (the day since reopened), if any.
      if (sitting) return publishMealSitting(em, { ...values, sitting });
      return em.save(em.create(Slot, { ...values, heldDineIn: 0, heldDelivery: 0 }));
    }).catch((err) => {
      if (sitting && isUniqueViolation(err)) throw conflict(`${input.day}的${SITTING_LABEL[sitting]}已发布`);
      throw err;
    });
    return presentSlot(slot, now);
  },
});

/** A closed day takes nothing: CONFLICT on `day`, before "already published" (its sittings were withdrawn). */
async function refuseClosedDay(em: EntityManager, centreId: number, day: string): Promise<void> {
  const closed = await closedDayReason(em, centreId, day);
  if (closed !== null) throw new AppError(ErrorCode.CONFLICT, `${monthDay(day)}已设为休息日（${closed}），不能发布`, { field: 'day' });
}
