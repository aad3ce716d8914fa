import type { Role } from '@hg/types';
import type { Actor } from '../users/actor';
import { holdsRoleOver, type ScopePath } from '../users/scope';

/** Roles that print and post QR posters for a compound. */
export const POSTER_ROLES: readonly Role[] = ['community_staff', 'compound_head', 'street_staff', 'admin'];

export function canPrintPosters(actor: Actor, path: ScopePath): boolean {
  return holdsRoleOver(actor, POSTER_ROLES, path);
}
