import type { EntityManager } from 'typeorm';
import { CARE_ROLES, type BookingChannel, type ProxyRole } from '@hg/types';
import { proxyChannel, proxyRoleOver, type Actor, type ScopePath } from '../identity/public';
import type { Booking } from './booking.entity';
import type { BookingRelation } from './booking-status';
import type { Elder } from './elder.entity';
import { FamilyLink } from './family-link.entity';

/** Centre staff: a care_staff role held for this centre (the organisation), in any scope. */
export function isCentreStaff(actor: Actor, centreId: number): boolean {
  return actor.roles.some((r) => CARE_ROLES.includes(r.role) && r.organisationId === centreId);
}

/** Is the user a family member whose link to this elder the centre verified? */
export async function isLinkedFamily(em: EntityManager, userId: number, elderId: number): Promise<boolean> {
  return (await em.count(FamilyLink, { where: { userId, elderId, status: 'verified' } })) > 0;
}

/**
 * An elder's profile is placed on their community only (no compound, building or unit), so only
 * proxy roles held on the community or above reach it: grid workers and community staff, never a
 * head. That is a real difference from needs' 代办, which is decided on the household's full path.
 */
export const elderPlace = (elder: Pick<Elder, 'streetId' | 'communityId'>): ScopePath => ({ streetId: elder.streetId, communityId: elder.communityId });

/**
 * Every proxy books as 网格员代订: the booking channels have no head or community-staff channel (a
 * proxy booking is made on a visit; 中心代订 is the centre's own staff, decided above).
 */
const BOOKING_PROXY_CHANNEL: Readonly<Record<ProxyRole, 'grid_worker'>> = {
  community_staff: 'grid_worker',
  grid_worker: 'grid_worker',
  unit_head: 'grid_worker',
  building_head: 'grid_worker',
  compound_head: 'grid_worker',
};

/** Grid workers and community staff over the elder's community: they plan visits and book on them (代订). */
export const actsForElder = (actor: Actor, elder: Pick<Elder, 'streetId' | 'communityId'>): boolean => proxyRoleOver(actor, elderPlace(elder)) !== null;

/** May the actor book for this elder, and through which channel? null = no. Family links are read. */
export async function bookingChannel(em: EntityManager, actor: Actor, elder: Elder): Promise<BookingChannel | null> {
  const direct = bookingChannelFor(actor, elder);
  if (direct) return direct;
  return (await isLinkedFamily(em, actor.userId, elder.id)) ? 'family' : null;
}

/** The same without the family lookup (the elder, centre staff, grid workers in scope). */
export function bookingChannelFor(actor: Actor, elder: Elder): 'self' | 'staff' | 'grid_worker' | null {
  if (elder.userId === actor.userId) return 'self';
  if (isCentreStaff(actor, elder.centreId)) return 'staff';
  // Grid workers on a visit book for an elder of their patch, like 代办 for needs (the same proxy rule).
  return proxyChannel(actor, elderPlace(elder), BOOKING_PROXY_CHANNEL);
}

/** How the actor relates to a booking; every permission is derived from this. */
export function relationToBooking(actor: Actor, booking: Booking, elder: Elder): Record<BookingRelation, boolean> {
  return {
    elder: elder.userId === actor.userId,
    booker: booking.bookedById === actor.userId,
    staff: isCentreStaff(actor, booking.centreId),
  };
}

/**
 * How the actor relates to a family link: the centre's staff decide it, the applicant and the elder
 * have a part in it (FORBIDDEN for what they may not do); anyone else gets NOT_FOUND, so a link's
 * existence never leaks through a refusal.
 */
export function relationToLink(actor: Actor, link: FamilyLink, elder: Pick<Elder, 'userId'> | null): { staff: boolean; party: boolean } {
  const staff = isCentreStaff(actor, link.centreId);
  return { staff, party: staff || link.userId === actor.userId || (!!elder && elder.userId === actor.userId) };
}

/** Anyone with any relation may see the booking (with its code); others get NOT_FOUND. */
export const canSeeBooking = (rel: Record<BookingRelation, boolean>) => rel.elder || rel.booker || rel.staff;
