import type { Role } from '@hg/types';
import type { Actor, ActorRole } from './actor';

/** Where a record sits in the hierarchy; deeper levels are optional. */
export interface ScopePath {
  streetId: number;
  communityId: number;
  compoundId?: number;
  buildingId?: number;
  unitId?: number;
}

/** Does a role held on one node cover a record at `path`? A node covers everything below it. */
export function covers(held: Pick<ActorRole, 'scopeLevel' | 'scopeId'>, path: ScopePath): boolean {
  switch (held.scopeLevel) {
    case 'city':
      return true;
    case 'street':
      return path.streetId === held.scopeId;
    case 'community':
      return path.communityId === held.scopeId;
    case 'compound':
      return path.compoundId === held.scopeId;
    case 'building':
      return path.buildingId === held.scopeId;
    case 'unit':
      return path.unitId === held.scopeId;
    default:
      return false;
  }
}

/**
 * The red grids' narrowing of the grid worker role: in a community that has drawn grids, a grid
 * worker reaches a place in a building only when one of the grids they work now covers it (the
 * whole building, or its unit). A place known only to its community (an elder's profile without a
 * household) is no grid's and stays with the community's grid workers; a community without grids
 * is not narrowed. Only the grid worker role is narrowed; other roles the same person holds are not.
 */
export function withinGrids(actor: Pick<Actor, 'gridReach'>, path: ScopePath): boolean {
  const reach = actor.gridReach;
  if (!reach || !path.buildingId || !reach.drawn.includes(path.communityId)) return true;
  return reach.places.some((p) => p.buildingId === path.buildingId && (p.unitId === 0 || p.unitId === path.unitId));
}

/** Does this assignment of the actor reach `path`: its node covers it, and a grid worker's grids do too. */
export function reaches(actor: Pick<Actor, 'gridReach'>, held: Pick<ActorRole, 'role' | 'scopeLevel' | 'scopeId'>, path: ScopePath): boolean {
  return covers(held, path) && (held.role !== 'grid_worker' || withinGrids(actor, path));
}

/** True when the actor holds any of `roles` on a node reaching `path` (a grid worker: inside their grids). */
export function holdsRoleOver(actor: Actor, roles: readonly Role[], path: ScopePath): boolean {
  return actor.roles.some((r) => roles.includes(r.role) && reaches(actor, r, path));
}

/** The assignments of the given roles, for building scope filters in queries. */
export function assignmentsOf(actor: Actor, roles: readonly Role[]): ActorRole[] {
  return actor.roles.filter((r) => roles.includes(r.role));
}
