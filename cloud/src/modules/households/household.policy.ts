import { VERIFIER_ROLES } from '@hg/types';
import { holdsRoleOver, type Actor, type ScopePath } from '../identity/public';

/**
 * Who verifies a binding (issue #2 §6): that building's head, the compound head, or community
 * staff of its community (VERIFIER_ROLES in types/roles.ts). Unit heads help but do not verify.
 */
export { VERIFIER_ROLES };

export function canVerify(actor: Actor, path: ScopePath): boolean {
  return holdsRoleOver(actor, VERIFIER_ROLES, path);
}

/** At most this many bindings may wait for review per person: stops one account flooding the queue. */
export const MAX_PENDING_PER_USER = 5;
