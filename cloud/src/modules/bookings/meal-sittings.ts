import type { EntityManager } from 'typeorm';
import type { Sitting } from '@hg/types';
import { Slot } from './slot.entity';

/** A meal sitting as saved or copied: everything but its id, seats held and withdrawal. */
export type MealSittingValues = Omit<Slot, 'id' | 'heldDineIn' | 'heldDelivery' | 'withdrawnAt'> & { sitting: Sitting };

/**
 * Publish a meal sitting, in the caller's transaction. The unique key (centre, day, sitting) keeps
 * one lunch and one dinner a day; a sitting a 休息日 withdrew still holds that key after the day is
 * reopened, so a new one takes its place — one conditional update (`… AND withdrawnAt IS NOT
 * NULL`), with no seat held and the withdrawal cleared; the old bookings stay cancelled. Otherwise a
 * new row: a sitting published meanwhile makes the insert fail on the unique key (the caller says
 * 已发布), and of two saves racing for one withdrawn place the update lets one through.
 */
export async function publishMealSitting(em: EntityManager, values: MealSittingValues): Promise<Slot> {
  const where = { centreId: values.centreId, day: values.day, sitting: values.sitting };
  const res = await em
    .createQueryBuilder()
    .update(Slot)
    .set({ ...values, heldDineIn: 0, heldDelivery: 0, withdrawnAt: null })
    .where('centreId = :centreId AND day = :day AND sitting = :sitting AND withdrawnAt IS NOT NULL', where)
    .execute();
  if (res.affected === 1) return em.findOneByOrFail(Slot, where);
  const row = { ...values, heldDineIn: 0, heldDelivery: 0, withdrawnAt: null };
  const inserted = await em.insert(Slot, row);
  return em.create(Slot, { ...row, id: Number(inserted.identifiers[0].id) });
}
