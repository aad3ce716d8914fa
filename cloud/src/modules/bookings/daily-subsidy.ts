import type { EntityManager } from 'typeorm';
import type { BookingStatus } from '@hg/types';
import { Booking } from './booking.entity';
import { Elder } from './elder.entity';
import { Slot } from './slot.entity';

/*
 * The daily subsidy limit (`subsidisedMealsPerDay` in the city settings): what counts as one
 * person's subsidised meals of a day. The booking path (booking-flow.ts) counts after locking her
 * rows; verification re-prices by the same count.
 */

/**
 * The profiles of one person: the elder's own, and — when she has an account — her profiles at
 * other centres (one per centre, `UQ_elders_centreId_userId`). A phoneless elder registered at two
 * centres cannot be told apart from a namesake, so her profiles count alone. Ascending ids: every
 * booking locks them in the same order.
 */
export async function sameElderIds(em: EntityManager, elder: Pick<Elder, 'id' | 'userId'>): Promise<number[]> {
  if (elder.userId === null) return [elder.id];
  const rows = await em.find(Elder, { where: { userId: elder.userId }, select: { id: true } });
  return [...new Set([elder.id, ...rows.map((r) => r.id)])].sort((a, b) => a - b);
}

/** Bookings that use the day's subsidy: subsidised and still live or taken. */
const SUBSIDY_STATUSES: BookingStatus[] = ['booked', 'offered', 'waitlisted', 'redeemed', 'no_show'];

/**
 * How many subsidised meals the person (all her profiles) holds on `day`, at any centre and
 * sitting — a waitlisted one counts: if its seat comes, it is the day's subsidised meal.
 */
export async function subsidisedMealsOn(
  em: EntityManager,
  elderIds: number[],
  day: string,
  except: { bookingId?: number; slotId?: number } = {},
): Promise<number> {
  const q = em
    .createQueryBuilder(Booking, 'b')
    .innerJoin(Slot, 's', 's.id = b.slotId')
    .select('COUNT(*)', 'n')
    .where('b.elderId IN (:...elderIds) AND s.day = :day AND s.kind = :kind AND b.subsidyFen > 0 AND b.status IN (:...statuses)', {
      elderIds,
      day,
      kind: 'meal',
      statuses: SUBSIDY_STATUSES,
    });
  if (except.bookingId) q.andWhere('b.id <> :exceptBookingId', { exceptBookingId: except.bookingId });
  // A quote for a sitting she already holds reads that booking as this meal, not as another one.
  if (except.slotId) q.andWhere('b.slotId <> :exceptSlotId', { exceptSlotId: except.slotId });
  const row: { n: number | string } | undefined = await q.getRawOne();
  return Number(row?.n ?? 0);
}
