import { PARTY_BRANCH_ROLES, type Role } from '@hg/types';
import { holdsRoleOver, type Actor, type ScopePath } from '../identity/public';

/**
 * Who confirms 双报到 and approves hours for a compound's branch. The product has no 支部书记
 * (branch secretary) role yet, so the community's staff stand in for the branch: the one list to
 * change when the role arrives is PARTY_BRANCH_ROLES in types/roles.ts (我的's entries read it too).
 */
export const PARTY_CONFIRMER_ROLES: readonly Role[] = PARTY_BRANCH_ROLES;

/** Who publishes party activities for a community (and so organises them). */
export const PARTY_ORGANISER_ROLES: readonly Role[] = PARTY_CONFIRMER_ROLES;

/** Who may report (双报到): a person holding the party member role somewhere. */
export const isPartyMember = (actor: Actor): boolean => actor.roles.some((r) => r.role === 'party_member');

/** May the actor confirm reports and approve hours at this place (the branch's part)? */
export const mayConfirm = (actor: Actor, path: ScopePath): boolean => holdsRoleOver(actor, PARTY_CONFIRMER_ROLES, path);

/** May the actor publish activities for this community? */
export const mayOrganise = (actor: Actor, path: ScopePath): boolean => holdsRoleOver(actor, PARTY_ORGANISER_ROLES, path);

/** May the actor run an activity (check people in and out, approve its hours): its organiser, or the branch over its community. */
export const mayRunActivity = (actor: Actor, a: { organiserId: number; streetId: number; communityId: number }): boolean =>
  a.organiserId === actor.userId || mayConfirm(actor, { streetId: a.streetId, communityId: a.communityId });
