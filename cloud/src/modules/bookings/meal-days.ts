import { In, IsNull, Not, type EntityManager } from 'typeorm';
import type { BookingStatus, MealMode } from '@hg/types';
import { recordEvent } from '../../core/subject-log';
import type { Notifier } from '../notifications/public';
import { bookingMessage, moveBookings } from './booking-flow';
import { Booking } from './booking.entity';
import { Elder } from './elder.entity';
import { FamilyLink } from './family-link.entity';
import { Slot } from './slot.entity';

/** Live bookings a closed day ends: seats held (booked, offered) and places in line. */
const LIVE: BookingStatus[] = ['booked', 'offered', 'waitlisted'];
const HOLDS_SEAT: ReadonlySet<BookingStatus> = new Set(['booked', 'offered']);
const HELD_COLUMN: Record<MealMode, 'heldDineIn' | 'heldDelivery'> = { dine_in: 'heldDineIn', delivery: 'heldDelivery' };

/** "12月25日" for "2026-12-25": how the elders read a date. */
export const monthDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** The subject log's kind for a centre's meal days (id: the centre's; the day and reason in `data`). */
export const MEAL_DAY_SUBJECT = 'meal-day';

export interface CloseMealDay {
  centreId: number;
  day: string;
  reason: string;
  by: number;
  at: Date;
  notifier: Notifier;
}

/**
 * The meal side of 设为休息日, in the caller's transaction (the engine's closeDay has recorded the
 * day first, so no sitting can be saved or copied onto it any more). Every meal sitting of the day
 * is withdrawn — its cut-off moves to now, so nobody can book it, standing orders pass it by (the
 * timer books only sittings before their cut-off, so the day is neither missed nor full) and it
 * leaves the elders' next sittings — and every live booking is cancelled through the booking
 * machine (one event each, seats given back; a cancelled booking claims no subsidy). Each elder
 * booked is told once, in their own account or, without one, through their verified family, and
 * so is whoever booked for them (not the staff member closing the day).
 */
export async function closeMealDay(em: EntityManager, p: CloseMealDay): Promise<{ sittings: number; bookings: number; elders: number }> {
  await recordEvent(em, { subjectKind: MEAL_DAY_SUBJECT, subjectId: p.centreId, action: 'closed', actorId: p.by, at: p.at, data: { day: p.day, reason: p.reason } });
  // Sittings a close before withdrew (the day was reopened since) have no live booking left.
  const sittings = await em.find(Slot, { where: { centreId: p.centreId, kind: 'meal', day: p.day, withdrawnAt: IsNull() }, order: { id: 'ASC' } });
  if (!sittings.length) return { sittings: 0, bookings: 0, elders: 0 };
  const ids = sittings.map((s) => s.id);
  // Withdraw first: the row locks taken here make a booking of these sittings wait for the close.
  await em.createQueryBuilder().update(Slot).set({ cutoffAt: p.at }).where('id IN (:...ids) AND cutoffAt > :at', { ids, at: p.at }).execute();
  await em.createQueryBuilder().update(Slot).set({ withdrawnAt: p.at }).where('id IN (:...ids)', { ids }).execute();
  // A locking read: on MySQL it sees a booking committed after this transaction's snapshot (one
  // that took its seat just before the withdrawal above), so none is left live on a closed day.
  const read = em.createQueryBuilder(Booking, 'b').where('b.slotId IN (:...ids) AND b.status IN (:...live)', { ids, live: LIVE }).orderBy('b.id', 'ASC');
  if (em.connection.options.type !== 'better-sqlite3') read.setLock('pessimistic_write');
  const live = await read.getMany();
  const ended: Booking[] = [];
  const freed: Booking[] = [];
  for (const status of LIVE) {
    const rows = live.filter((b) => b.status === status);
    if (!rows.length) continue;
    const moved = await moveBookings(em, rows, 'cancel', { by: p.by, at: p.at, patch: { activeKey: null, offerExpiresAt: null }, note: `休息日：${p.reason}` });
    ended.push(...moved);
    if (HOLDS_SEAT.has(status)) freed.push(...moved);
  }
  for (const slot of sittings) {
    for (const mode of ['dine_in', 'delivery'] as const) {
      const n = freed.filter((b) => b.slotId === slot.id && b.mode === mode).length;
      if (!n) continue;
      const held = HELD_COLUMN[mode];
      await em
        .createQueryBuilder()
        .update(Slot)
        .set({ [held]: () => `${held} - ${n}` })
        .where(`id = :id AND ${held} >= :n`, { id: slot.id, n })
        .execute();
    }
  }
  const elderIds = [...new Set(ended.map((b) => b.elderId))];
  if (elderIds.length) {
    const elders = await em.find(Elder, { where: { id: In(elderIds) } });
    const family = await em.find(FamilyLink, { where: { elderId: In(elderIds), status: 'verified' } });
    const body = `${monthDay(p.day)} 因节假日停餐，您的预订已取消（${p.reason}）`;
    for (const elder of elders) {
      const theirs = ended.filter((b) => b.elderId === elder.id);
      const own = elder.userId ? [elder.userId] : family.filter((f) => f.elderId === elder.id).map((f) => f.userId);
      // One message per elder, whatever number of sittings they had that day.
      await p.notifier.to(em, [...own, ...theirs.map((b) => b.bookedById)], bookingMessage(theirs[0], '停餐通知', body), p.by);
    }
  }
  return { sittings: sittings.length, bookings: ended.length, elders: elderIds.length };
}

/**
 * What closing a day would end: its meal sittings, their live bookings and the elders booked —
 * how many will be told in the app (their own account or verified family) and, by name, those
 * the centre has to phone (no account, no family linked).
 */
export async function mealDayBookings(
  em: EntityManager,
  centreId: number,
  day: string,
): Promise<{ sittings: number; bookings: number; elders: number; told: number; toCall: string[] }> {
  const sittings = await em.find(Slot, { where: { centreId, kind: 'meal', day, withdrawnAt: IsNull() }, select: { id: true } });
  if (!sittings.length) return { sittings: 0, bookings: 0, elders: 0, told: 0, toCall: [] };
  const live = await em.find(Booking, { where: { slotId: In(sittings.map((s) => s.id)), status: In(LIVE) }, select: { id: true, elderId: true } });
  const elderIds = [...new Set(live.map((b) => b.elderId))];
  const elders = elderIds.length ? await em.find(Elder, { where: { id: In(elderIds) }, order: { id: 'ASC' } }) : [];
  const family = elderIds.length
    ? new Set((await em.find(FamilyLink, { where: { elderId: In(elderIds), status: 'verified' } })).map((f) => f.elderId))
    : new Set<number>();
  const toCall = elders.filter((e) => !e.userId && !family.has(e.id)).map((e) => e.name);
  return { sittings: sittings.length, bookings: live.length, elders: elderIds.length, told: elderIds.length - toCall.length, toCall };
}

/**
 * The meal side of 撤销休息日, in the caller's transaction (the engine's reopenDay has removed the
 * day's record, so sittings may be saved and copied onto it again). Nothing comes back by itself:
 * the sittings the close withdrew stay withdrawn — their bookings were cancelled and the elders told
 * 停餐, so reviving them would seat people who have made other plans — and the centre publishes
 * the day again (复制上周, 新增餐次), each new sitting taking a withdrawn one's place. Logged once
 * per day, with who reopened it; answers how many sittings stay withdrawn.
 */
export async function reopenMealDay(em: EntityManager, p: { centreId: number; day: string; reason: string; by: number; at: Date }): Promise<{ withdrawn: number }> {
  await recordEvent(em, { subjectKind: MEAL_DAY_SUBJECT, subjectId: p.centreId, action: 'reopened', actorId: p.by, at: p.at, data: { day: p.day, reason: p.reason } });
  const withdrawn = await em.count(Slot, { where: { centreId: p.centreId, kind: 'meal', day: p.day, withdrawnAt: Not(IsNull()) } });
  return { withdrawn };
}
