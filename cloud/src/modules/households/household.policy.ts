import type { Role } from '@hg/types';
import type { Actor } from '../users/actor';
import { holdsRoleOver, type ScopePath } from '../users/scope';

/**
 * Who verifies a binding (issue #2 §6): that building's head, the compound head, or community
 * staff of its community. Unit heads help but do not verify.
 */
export const VERIFIER_ROLES: readonly Role[] = ['building_head', 'compound_head', 'community_staff'];

export function canVerify(actor: Actor, path: ScopePath): boolean {
  return holdsRoleOver(actor, VERIFIER_ROLES, path);
}

/** At most this many bindings may wait for review per person: stops one account flooding the queue. */
export const MAX_PENDING_PER_USER = 5;
