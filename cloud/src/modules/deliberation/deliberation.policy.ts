import type { EntityManager } from 'typeorm';
import { STAFF_ROLES, type Role } from '@hg/types';
import { notFound } from '../../core/errors';
import { holdsRoleOver, type Actor, type ScopePath } from '../identity/public';
import { householdPlaces, verifiedMembershipsOf } from '../households/public';
import type { Matter } from './entities';

/**
 * Who runs a matter (drafts, publishes, revises, enters paper ballots, closes, writes the outcome):
 * community or street staff and the city admin over its place, and the three heads whose node
 * covers it — a building head runs the matters of the building and its units, not the compound's.
 */
export const ORGANISER_ROLES: readonly Role[] = [...STAFF_ROLES, 'compound_head', 'building_head', 'unit_head'];

export function matterPath(m: Pick<Matter, 'streetId' | 'communityId' | 'compoundId' | 'buildingId' | 'unitId'>): ScopePath {
  return { streetId: m.streetId, communityId: m.communityId, compoundId: m.compoundId, buildingId: m.buildingId ?? undefined, unitId: m.unitId ?? undefined };
}

export const isOrganiser = (actor: Actor | null, m: Matter): boolean => !!actor && holdsRoleOver(actor, ORGANISER_ROLES, matterPath(m));

/** Is the household at this place inside the matter's scope? */
export function inScope(m: Matter, place: { compoundId: number; buildingId: number; unitId: number }): boolean {
  if (place.compoundId !== m.compoundId) return false;
  if (m.buildingId && place.buildingId !== m.buildingId) return false;
  if (m.unitId && place.unitId !== m.unitId) return false;
  return true;
}

/** The caller's verified households inside the matter's scope (their homes that decide it). */
export async function myHouseholdsIn(em: EntityManager, actor: Actor, m: Matter): Promise<number[]> {
  const mine = (await verifiedMembershipsOf(em, [actor.userId])).filter((x) => x.compoundId === m.compoundId);
  if (!mine.length) return [];
  const places = await householdPlaces(
    em,
    mine.map((x) => x.householdId),
  );
  return mine
    .filter((x) => {
      const p = places.get(x.householdId);
      return p && inScope(m, { compoundId: x.compoundId, buildingId: p.building.id, unitId: p.unit.id });
    })
    .map((x) => x.householdId);
}

/**
 * Who sees a matter: its organisers always (drafts included); verified residents of a household in
 * its scope once it is published. Anyone else is told it does not exist (NOT_FOUND), so a
 * building's matters do not leak to the next building.
 */
export async function assertVisible(em: EntityManager, actor: Actor, m: Matter | null): Promise<{ organiser: boolean; households: number[] }> {
  if (!m) throw notFound('议题');
  const organiser = isOrganiser(actor, m);
  const households = await myHouseholdsIn(em, actor, m);
  if (!organiser && (m.status === 'draft' || !households.length)) throw notFound('议题');
  return { organiser, households };
}
