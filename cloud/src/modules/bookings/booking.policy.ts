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
 * Where an elder lives, as the proxy rule reads it: the community always, and the compound,
 * building and unit when the profile knows the household — so, as for needs' 代办, the heads of the
 * elder's own building (unit, compound) may book for her; a profile known only to its community
 * lets in roles held on the community or above (grid workers, community staff).
 */
export type ElderHome = Pick<Elder, 'streetId' | 'communityId'> & Partial<Pick<Elder, 'compoundId' | 'buildingId' | 'unitId'>>;

export const elderPlace = (elder: ElderHome): ScopePath => ({
  streetId: elder.streetId,
  communityId: elder.communityId,
  ...(elder.compoundId ? { compoundId: elder.compoundId } : {}),
  ...(elder.compoundId && elder.buildingId ? { buildingId: elder.buildingId } : {}),
  ...(elder.compoundId && elder.buildingId && elder.unitId ? { unitId: elder.unitId } : {}),
});

/** 代订 is recorded by the proxy's office, as needs' 代办 is (identity's one proxy rule decides who). */
export const BOOKING_PROXY_CHANNEL: Readonly<Record<ProxyRole, BookingChannel>> = {
  community_staff: 'community',
  grid_worker: 'grid_worker',
  unit_head: 'unit_head',
  building_head: 'bldg_head',
  compound_head: 'cmpd_head',
};

/** Grid workers, heads and community staff over the elder's home: they plan visits and book on them (代订). */
export const actsForElder = (actor: Actor, elder: ElderHome): boolean => proxyRoleOver(actor, elderPlace(elder)) !== null;

/** May the actor book for this elder, and through which channel? null = no. Family links are read. */
export async function bookingChannel(em: EntityManager, actor: Actor, elder: Elder): Promise<BookingChannel | null> {
  const direct = bookingChannelFor(actor, elder);
  if (direct) return direct;
  return (await isLinkedFamily(em, actor.userId, elder.id)) ? 'family' : null;
}

/** The same without the family lookup (the elder, centre staff, proxies over the elder's home). */
export function bookingChannelFor(actor: Actor, elder: Elder): BookingChannel | null {
  if (elder.userId === actor.userId) return 'self';
  if (isCentreStaff(actor, elder.centreId)) return 'staff';
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

/**
 * A booking's 备注 is the elder's (and her verified family's, who count as her), whoever booked
 * and the centre staff's: they read and write it. A grid worker or head who did not book it does
 * not see it. (Same relations as seeing the booking; named so the rule has one place.)
 */
export const canRemark = (rel: Record<BookingRelation, boolean>) => rel.elder || rel.booker || rel.staff;
