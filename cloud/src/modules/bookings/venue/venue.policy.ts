import type { EntityManager } from 'typeorm';
import { forbidden, notFound } from '../../../core/errors';
import { verifiedMembershipsOf } from '../../households/public';
import type { Actor } from '../../identity/public';
import { SLOT_BOOKING_MACHINE, type SlotBookingRelation, type SlotBookingView } from '../../slots/public';
import { isCentreStaff } from '../booking.policy';

/**
 * Who may book a centre's rooms, consultations and visits for themselves: any resident whose
 * binding to a home was verified (居民认证). No elder registration is needed.
 */
export async function assertVerifiedResident(em: EntityManager, actor: Actor): Promise<void> {
  if (!(await verifiedMembershipsOf(em, [actor.userId])).length) throw forbidden('请先绑定房屋并通过认证后再预约');
}

/** The actor's relation to an engine booking at a centre. */
export function relationToReservation(actor: Actor, b: Pick<SlotBookingView, 'holderKind' | 'holderId' | 'bookedById' | 'venueId'>): Record<SlotBookingRelation, boolean> {
  return {
    holder: b.holderKind === 'user' && b.holderId === actor.userId,
    booker: b.bookedById === actor.userId,
    staff: isCentreStaff(actor, b.venueId),
  };
}

/**
 * NOT_FOUND for people with no part in the booking (its existence does not leak), FORBIDDEN when
 * their relation may not take `action` (the engine machine's `who`).
 */
export function assertMayTake(rel: Record<SlotBookingRelation, boolean>, action: Parameters<typeof SLOT_BOOKING_MACHINE.rule>[0]): void {
  if (!rel.holder && !rel.booker && !rel.staff) throw notFound('预约');
  const who = SLOT_BOOKING_MACHINE.rule(action).who ?? [];
  if (!who.some((k) => rel[k])) throw forbidden();
}

/** Centre staff only (publishing, rosters, check-in): others get FORBIDDEN. */
export function assertCentreStaff(actor: Actor, centreId: number): void {
  if (!isCentreStaff(actor, centreId)) throw forbidden('只有本中心工作人员可以操作');
}
