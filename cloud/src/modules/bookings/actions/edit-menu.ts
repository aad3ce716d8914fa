import { ZEditMenuRequest, type DishDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, invalidInput, invalidTransition, notFound } from '../../../core/errors';
import { isCentreStaff } from '../booking.policy';
import { presentSlot } from '../booking.presenter';
import { Slot } from '../slot.entity';

/** The stored menu's column width (booking_slots.dishes). */
const DISHES_COLUMN = 2000;

/**
 * 改菜单: centre staff swap a dish of a published meal sitting (after copying last week, or when
 * the market had no fish) — the menu only, until the cut-off; seats, times and price stay, and so
 * do the bookings. The update is conditional on the cut-off still to come, so a sitting withdrawn
 * by a closed day (its cut-off moved to the closing) cannot be edited back to life.
 */
export const editMenu = defineAction({
  input: ZEditMenuRequest,
  async handler({ slotId, dishes }, { actor, ds, tx }) {
    const now = clock.now();
    const slot = await ds.manager.findOne(Slot, { where: { id: slotId } });
    if (!slot || slot.kind !== 'meal') throw notFound('餐次');
    if (!isCentreStaff(actor, slot.centreId)) throw forbidden('只有本中心工作人员可以修改菜单');
    const menu: DishDTO[] = dishes.map((d) => ({ name: d.name, tags: [...new Set(d.tags)], allergens: d.allergens }));
    const json = JSON.stringify(menu);
    if (json.length > DISHES_COLUMN) throw invalidInput('dishes', '菜单内容过长，请精简菜名或过敏原');
    const saved = await tx(async (em) => {
      const res = await em.createQueryBuilder().update(Slot).set({ dishes: json }).where('id = :slotId AND cutoffAt > :now', { slotId, now }).execute();
      if (res.affected !== 1) throw invalidTransition('已过截止时间，不能再修改菜单');
      return em.findOneByOrFail(Slot, { id: slotId });
    });
    return presentSlot(saved, now);
  },
});
