import type { EntityManager } from 'typeorm';
import type { OrgKind } from '@hg/types';
import { organisationById, organisationsWhere } from '../../community/public';
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

/** Kinds of organisation that count as a registered group: they may hold a room or an activity. */
export const GROUP_KINDS: readonly OrgKind[] = ['social_org', 'service_team'];

/**
 * The registered groups the actor may book for: the organisations they hold a role for that are a
 * social organisation or a service team (a property firm, a department or a centre is not), by id.
 * What 为谁预约 offers; `assertGroupMember` holds the same rule on `reserve`.
 */
export async function groupsActorMayBookFor(em: EntityManager, actor: Actor): Promise<{ id: number; name: string }[]> {
  const ids = actor.roles.map((r) => r.organisationId).filter((id): id is number => !!id);
  if (!ids.length) return [];
  return (await organisationsWhere(em, { ids })).filter((o) => GROUP_KINDS.includes(o.kind)).map((o) => ({ id: o.id, name: o.name }));
}

/** Does the actor work for this organisation (any role held for it)? */
export const isMemberOf = (actor: Actor, organisationId: number): boolean => actor.roles.some((r) => r.organisationId === organisationId);

/**
 * A member of a registered group books for it: the group must exist as a social organisation or
 * service team, and the actor must hold a role for it (NOT_FOUND otherwise, so groups one does not
 * belong to are not probed).
 */
export async function assertGroupMember(em: EntityManager, actor: Actor, groupId: number): Promise<void> {
  const group = await organisationById(em, groupId);
  if (!group || !GROUP_KINDS.includes(group.kind) || !isMemberOf(actor, groupId)) throw notFound('团体');
}

/** The actor's relation to an engine booking at a centre. */
export function relationToReservation(
  actor: Actor,
  b: Pick<SlotBookingView, 'holderKind' | 'holderId' | 'bookedById' | 'venueId'>,
): Record<SlotBookingRelation, boolean> {
  return {
    holder: (b.holderKind === 'user' && b.holderId === actor.userId) || (b.holderKind === 'group' && isMemberOf(actor, b.holderId)),
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
