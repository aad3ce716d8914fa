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

/** True when the actor holds any of `roles` on a node covering `path`. */
export function holdsRoleOver(actor: Actor, roles: readonly Role[], path: ScopePath): boolean {
  return actor.roles.some((r) => roles.includes(r.role) && covers(r, path));
}

/** The assignments of the given roles, for building scope filters in queries. */
export function assignmentsOf(actor: Actor, roles: readonly Role[]): ActorRole[] {
  return actor.roles.filter((r) => roles.includes(r.role));
}
