import { POSTER_ROLES } from '@hg/types';
import { holdsRoleOver, type Actor, type ScopePath } from '../identity/public';

export { POSTER_ROLES };

export function canPrintPosters(actor: Actor, path: ScopePath): boolean {
  return holdsRoleOver(actor, POSTER_ROLES, path);
}
