import { Between, In, type EntityManager } from 'typeorm';
import { LIVE_SLOT_BOOKING, type EngineSlotKind, type SlotBookingStatus } from '@hg/types';
import { notFound } from '../../core/errors';
import { SlotBooking } from './slot-booking.entity';
import { SlotPool } from './slot-pool.entity';
import { EngineSlot } from './slot.entity';
import type { Holder, SlotBookingView, SlotView } from './views';

/** Slots with their pools, in the order given (two queries however many slots). */
export async function withPools(em: EntityManager, slots: readonly EngineSlot[]): Promise<SlotView[]> {
  if (!slots.length) return [];
  const pools = await em.find(SlotPool, { where: { slotId: In(slots.map((s) => s.id)) }, order: { id: 'ASC' } });
  return slots.map((s) => ({
    ...s,
    pools: pools.filter((p) => p.slotId === s.id).map((p) => ({ pool: p.pool, capacity: p.capacity, held: p.held })),
  }));
}

/** One slot with its pools, or null. */
export async function slotById(em: EntityManager, id: number): Promise<SlotView | null> {
  const slot = await em.findOne(EngineSlot, { where: { id } });
  return slot ? (await withPools(em, [slot]))[0] : null;
}

/** Slots by id with their pools (a map; missing ids are absent). */
export async function slotsByIds(em: EntityManager, ids: readonly number[]): Promise<Map<number, SlotView>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const slots = await withPools(em, await em.find(EngineSlot, { where: { id: In(unique) } }));
  return new Map(slots.map((s) => [s.id, s]));
}

/** A venue's slots of some kinds starting in [from, to), published and withdrawn, by start. */
export async function slotsOfVenue(em: EntityManager, q: { venueId: number; kinds: readonly EngineSlotKind[]; from: Date; to: Date }): Promise<SlotView[]> {
  if (!q.kinds.length) return [];
  const slots = await em.find(EngineSlot, {
    where: { venueId: q.venueId, kind: In([...q.kinds]), startsAt: Between(q.from, new Date(q.to.getTime() - 1)) },
    order: { startsAt: 'ASC', id: 'ASC' },
  });
  return withPools(em, slots);
}

/** One engine booking, or NOT_FOUND. */
export async function bookingById(em: EntityManager, id: number): Promise<SlotBookingView> {
  const b = await em.findOne(SlotBooking, { where: { id } });
  if (!b) throw notFound('预约');
  return b;
}

/** Engine bookings by id (a map). */
export async function slotBookingsByIds(em: EntityManager, ids: readonly number[]): Promise<Map<number, SlotBookingView>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await em.find(SlotBooking, { where: { id: In(unique) } });
  return new Map(rows.map((b) => [b.id, b]));
}

/**
 * A holder's bookings and those a person made for others, a page of one phase at a time ("my
 * bookings" of a programme, upcoming first): `upcoming` = live (LIVE_SLOT_BOOKING) on a slot from
 * `today` on, ascending by (slot start, id); `past` = the rest, descending. Keyset after `after`
 * (exclusive). Each row comes with its slot's start, the key of the next page.
 */
export async function bookingsOfPerson(
  em: EntityManager,
  q: { holder: Holder; bookedById: number; phase: 'upcoming' | 'past'; today: string; after?: { startsAt: Date; id: number } | null; limit: number },
): Promise<{ booking: SlotBookingView; startsAt: Date }[]> {
  const asc = q.phase === 'upcoming';
  const qb = em
    .createQueryBuilder(SlotBooking, 'b')
    .innerJoin(EngineSlot, 's', 's.id = b.slotId')
    .where('((b.holderKind = :kind AND b.holderId = :holderId) OR b.bookedById = :by)', { kind: q.holder.kind, holderId: q.holder.id, by: q.bookedById });
  if (asc) qb.andWhere('b.status IN (:...live) AND s.day >= :today', { live: LIVE_SLOT_BOOKING, today: q.today });
  else qb.andWhere('(b.status NOT IN (:...live) OR s.day < :today)', { live: LIVE_SLOT_BOOKING, today: q.today });
  if (q.after) {
    const op = asc ? '>' : '<';
    qb.andWhere(`(s.startsAt ${op} :afterStart OR (s.startsAt = :afterStart AND b.id ${op} :afterId))`, { afterStart: q.after.startsAt, afterId: q.after.id });
  }
  const rows = await qb
    .orderBy('s.startsAt', asc ? 'ASC' : 'DESC')
    .addOrderBy('b.id', asc ? 'ASC' : 'DESC')
    .limit(q.limit)
    .getMany();
  if (!rows.length) return [];
  const starts = new Map(
    (await em.find(EngineSlot, { where: { id: In([...new Set(rows.map((b) => b.slotId))]) }, select: { id: true, startsAt: true } })).map((x) => [
      x.id,
      x.startsAt,
    ]),
  );
  return rows.map((booking) => ({ booking, startsAt: starts.get(booking.slotId)! }));
}

/** Everyone on a slot's list in these states (the roster), first booked first. */
export function rosterOf(em: EntityManager, slotId: number, statuses: readonly SlotBookingStatus[]): Promise<SlotBookingView[]> {
  return em.find(SlotBooking, { where: { slotId, status: In([...statuses]) }, order: { id: 'ASC' } });
}

/** Which of these slots were ever booked (an edit is refused once one was). */
export async function slotsEverBooked(em: EntityManager, slotIds: readonly number[]): Promise<Set<number>> {
  const unique = [...new Set(slotIds)];
  if (!unique.length) return new Set();
  const rows: { slotId: number | string }[] = await em
    .createQueryBuilder(SlotBooking, 'b')
    .select('DISTINCT b.slotId', 'slotId')
    .where('b.slotId IN (:...ids)', { ids: unique })
    .getRawMany();
  return new Set(rows.map((r) => Number(r.slotId)));
}

/**
 * How many wait in line on each of these slots (`waitlisted`; an `offered` seat is held, not
 * waited for): one grouped query however many slots, slots nobody waits on absent.
 */
export async function waitingBySlot(em: EntityManager, slotIds: readonly number[]): Promise<Map<number, number>> {
  const unique = [...new Set(slotIds)];
  if (!unique.length) return new Map();
  const rows: { slotId: number | string; n: number | string }[] = await em
    .createQueryBuilder(SlotBooking, 'b')
    .select('b.slotId', 'slotId')
    .addSelect('COUNT(*)', 'n')
    .where('b.slotId IN (:...ids)', { ids: unique })
    .andWhere("b.status = 'waitlisted'")
    .groupBy('b.slotId')
    .getRawMany();
  return new Map(rows.map((r) => [Number(r.slotId), Number(r.n)]));
}

/** The live bookings one holder has on these slots (a map by slot id). */
export async function liveBookingsOf(em: EntityManager, holder: Holder, slotIds: readonly number[]): Promise<Map<number, SlotBookingView>> {
  const unique = [...new Set(slotIds)];
  if (!unique.length) return new Map();
  const rows = await em.find(SlotBooking, {
    where: { holderKind: holder.kind, holderId: holder.id, slotId: In(unique), status: In(['booked', 'offered', 'waitlisted', 'checked_in']) },
  });
  return new Map(rows.map((b) => [b.slotId, b]));
}

/** How many of these bookings are in one of `statuses` (a programme's own count over the bookings it keeps rows for). */
export async function countInStatuses(em: EntityManager, bookingIds: readonly number[], statuses: readonly SlotBookingStatus[]): Promise<number> {
  const unique = [...new Set(bookingIds)];
  if (!unique.length || !statuses.length) return 0;
  return em.count(SlotBooking, { where: { id: In(unique), status: In([...statuses]) } });
}

/** The bookings of these slots in one of `statuses`, by slot then id (a page of slots' rosters in one read). */
export async function bookingsOfSlots(em: EntityManager, slotIds: readonly number[], statuses: readonly SlotBookingStatus[]): Promise<SlotBookingView[]> {
  const unique = [...new Set(slotIds)];
  if (!unique.length || !statuses.length) return [];
  return em.find(SlotBooking, { where: { slotId: In(unique), status: In([...statuses]) }, order: { slotId: 'ASC', id: 'ASC' } });
}
