import type { NeedActionName, Role } from '@hg/types';
import { NEED_RULES } from '@hg/types';
import type { Actor } from '../users/actor';
import { covers, holdsRoleOver, type ScopePath } from '../users/scope';
import type { NeedCategory } from './need-category.entity';
import { ACTION_TRANSITIONS, COMMENTABLE, URGEABLE } from './need-status';
import type { Need } from './need.entity';

export const STAFF_ROLES: readonly Role[] = ['community_staff', 'street_staff', 'admin'];
/** The three heads and grid workers follow every need in their patch (小事不出楼栋). */
export const HEAD_ROLES: readonly Role[] = ['unit_head', 'building_head', 'compound_head', 'grid_worker'];

export function pathOf(need: Need): ScopePath {
  return { streetId: need.streetId, communityId: need.communityId, compoundId: need.compoundId, buildingId: need.buildingId, unitId: need.unitId };
}

/** How the actor relates to one need. Every permission below is derived from this. */
export interface Relation {
  reporter: boolean;
  staff: boolean;
  head: boolean;
  receiver: boolean;
  /** A party member in scope, and the category allows claiming. */
  claimer: boolean;
}

export function relationTo(actor: Actor, need: Need, category: NeedCategory): Relation {
  const path = pathOf(need);
  return {
    reporter: need.reporterId === actor.userId || need.createdById === actor.userId,
    staff: holdsRoleOver(actor, STAFF_ROLES, path),
    head: holdsRoleOver(actor, HEAD_ROLES, path),
    receiver: isReceiver(actor, need),
    claimer: category.partyClaimable && holdsRoleOver(actor, ['party_member'], path),
  };
}

/** Org staff of the receiving organisation (within their scope), or the claiming/assigned person. */
export function isReceiver(actor: Actor, need: Pick<Need, 'receiverOrgId' | 'receiverUserId'> & Partial<Need>): boolean {
  if (need.receiverUserId && need.receiverUserId === actor.userId) return true;
  if (!need.receiverOrgId) return false;
  const path = need.streetId ? pathOf(need as Need) : null;
  return actor.roles.some((r) => r.role === 'org_staff' && r.organisationId === need.receiverOrgId && (!path || covers(r, path)));
}

/** Who may see a need at all; everyone else gets NOT_FOUND, as if it did not exist. */
export function canSee(rel: Relation, need: Need): boolean {
  return rel.reporter || rel.staff || rel.head || rel.receiver || (rel.claimer && need.status === 'open_for_claim');
}

const WHO: Record<NeedActionName, (rel: Relation) => boolean> = {
  dispatch: (r) => r.staff,
  publish: (r) => r.staff,
  claim: (r) => r.claimer,
  accept: (r) => r.receiver,
  decline: (r) => r.receiver,
  transfer: (r) => r.staff,
  start: (r) => r.receiver,
  hold: (r) => r.receiver,
  resume: (r) => r.receiver,
  resolve: (r) => r.receiver,
  rate: (r) => r.reporter,
  reopen: (r) => r.reporter,
  cancel: (r) => r.reporter,
  reject: (r) => r.staff,
  merge: (r) => r.staff,
  urge: (r) => r.reporter,
  comment: (r) => r.reporter || r.receiver || r.staff || r.head,
};

/** Is the need in a state (and time window) where `action` applies at all? */
export function stateAllows(action: NeedActionName, need: Need, now: Date): boolean {
  if (action === 'urge') return URGEABLE.includes(need.status);
  if (action === 'comment') return COMMENTABLE.includes(need.status);
  const rule = ACTION_TRANSITIONS[action];
  if (!rule || !rule.from.includes(need.status)) return false;
  if (action === 'reopen') {
    const windowMs = NEED_RULES.reopenWindowDays * 24 * 3600 * 1000;
    return need.reopenCount < NEED_RULES.maxReopens && !!need.resolvedAt && now.getTime() - need.resolvedAt.getTime() <= windowMs;
  }
  return true;
}

export function mayAct(action: NeedActionName, rel: Relation): boolean {
  return WHO[action](rel);
}

/** The actions the caller could take now: rendered as buttons, re-checked by each action. */
export function allowedActions(rel: Relation, need: Need, now: Date): NeedActionName[] {
  return (Object.keys(WHO) as NeedActionName[]).filter((a) => mayAct(a, rel) && stateAllows(a, need, now));
}
