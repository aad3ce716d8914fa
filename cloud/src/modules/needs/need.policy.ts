import type { EscalationLevel, NeedActionName, NeedChannel, ProxyRole } from '@hg/types';
import { CLAIMER_ROLES, ESCALATION_ORDER, HEAD_ROLES, LADDER_RUNG, NEED_RULES, RECEIVER_ROLES, STAFF_ROLES } from '@hg/types';
import type { Actor } from '../identity/public';
import { covers, holdsRoleOver, proxyChannel, type ScopePath } from '../identity/public';
import type { NeedCategory } from './need-category.entity';
import { NEED_IN_PLACE, NEED_MACHINE, type NeedRelationKey } from './need-status';
import type { Need } from './need.entity';

export { HEAD_ROLES, STAFF_ROLES };

export function pathOf(need: Need): ScopePath {
  return { streetId: need.streetId, communityId: need.communityId, compoundId: need.compoundId, buildingId: need.buildingId, unitId: need.unitId };
}

/**
 * The channel a proxy files under (代办), per proxy role; which role counts when someone holds several
 * is the identity kernel's rule (official roles first, then the head nearest the household).
 */
export const NEED_PROXY_CHANNEL: Readonly<Record<ProxyRole, NeedChannel>> = {
  community_staff: 'staff',
  grid_worker: 'grid_worker',
  unit_head: 'unit_head',
  building_head: 'bldg_head',
  compound_head: 'cmpd_head',
};

/** May the actor file for the household at `home` (its full path, down to the unit), and as which channel? null = no. */
export const proxyFilingChannel = (actor: Actor, home: ScopePath): NeedChannel | null => proxyChannel(actor, home, NEED_PROXY_CHANNEL);

/** How the actor relates to one need. Every permission below is derived from this. */
export type Relation = Record<NeedRelationKey, boolean>;

/** `follower` is looked up by the caller (need-followers.ts `isFollower`): the policy stays synchronous. */
export function relationTo(actor: Actor, need: Need, category: NeedCategory, opts: { follower?: boolean } = {}): Relation {
  const path = pathOf(need);
  return {
    reporter: need.reporterId === actor.userId || need.createdById === actor.userId,
    staff: holdsRoleOver(actor, STAFF_ROLES, path),
    head: holdsRoleOver(actor, HEAD_ROLES, path),
    receiver: isReceiver(actor, need),
    claimer: category.partyClaimable && holdsRoleOver(actor, CLAIMER_ROLES, path),
    follower: !!opts.follower,
    ladder: onLadder(actor, need),
  };
}

/**
 * Does the actor hold a ladder role over the need's place whose rung the need has reached? A need
 * at `compound` gives power to the compound head and keeps it with the building head below; the
 * compound head has none over a need still at `building` (小事不出楼栋: the building settles it first).
 */
export function onLadder(actor: Actor, need: Pick<Need, 'level'> & Partial<Need>): boolean {
  const reached = ESCALATION_ORDER.indexOf(need.level);
  const path = pathOf(need as Need);
  return actor.roles.some((r) => {
    const rung = LADDER_RUNG[r.role];
    return !!rung && ESCALATION_ORDER.indexOf(rung) <= reached && covers(r, path);
  });
}

/**
 * The lowest ladder rung the actor holds over the need's place that the need has not reached yet
 * (a compound head, a need still at 楼栋), or null. The detail tells such a head who holds the
 * need now and when it climbs to them.
 */
export function rungAhead(actor: Actor, need: Need): EscalationLevel | null {
  const reached = ESCALATION_ORDER.indexOf(need.level);
  const path = pathOf(need);
  const ahead = actor.roles
    .map((r) => LADDER_RUNG[r.role])
    .filter((rung, i): rung is EscalationLevel => !!rung && ESCALATION_ORDER.indexOf(rung) > reached && covers(actor.roles[i], path))
    .map((rung) => ESCALATION_ORDER.indexOf(rung));
  return ahead.length ? ESCALATION_ORDER[Math.min(...ahead)] : null;
}

/** Org staff of the receiving organisation (within their scope), or the claiming/assigned person. */
export function isReceiver(actor: Actor, need: Pick<Need, 'receiverOrgId' | 'receiverUserId'> & Partial<Need>): boolean {
  if (need.receiverUserId && need.receiverUserId === actor.userId) return true;
  if (!need.receiverOrgId) return false;
  const path = need.streetId ? pathOf(need as Need) : null;
  return actor.roles.some((r) => RECEIVER_ROLES.includes(r.role) && r.organisationId === need.receiverOrgId && (!path || covers(r, path)));
}

/** Who may see a need at all; everyone else gets NOT_FOUND, as if it did not exist. */
export function canSee(rel: Relation, need: Need): boolean {
  return rel.reporter || rel.staff || rel.head || rel.receiver || rel.follower || (rel.claimer && need.status === 'open_for_claim');
}

/** Who may take each action, read from the one table (need-status.ts). */
function whoOf(action: NeedActionName): readonly NeedRelationKey[] {
  return action === 'urge' || action === 'comment' ? NEED_IN_PLACE[action].who : (NEED_MACHINE.rule(action).who ?? []);
}

/** Every action a person can take, in the order buttons are offered. */
const ACTIONS: readonly NeedActionName[] = [...NEED_MACHINE.rows.filter((r) => r.who).map((r) => r.action as NeedActionName), 'urge', 'comment'];

/** Is the need in a state (and time window) where `action` applies at all? */
export function stateAllows(action: NeedActionName, need: Need, now: Date): boolean {
  if (action === 'urge' || action === 'comment') return NEED_IN_PLACE[action].from.includes(need.status);
  if (!NEED_MACHINE.allows(action, need.status)) return false;
  if (action === 'reopen') {
    const windowMs = NEED_RULES.reopenWindowDays * 24 * 3600 * 1000;
    // A closed need reopens only if the resident closed it by rating; the unrated auto-close ends the window.
    if (need.status === 'closed' && need.rating === null) return false;
    return need.reopenCount < NEED_RULES.maxReopens && !!need.resolvedAt && now.getTime() - need.resolvedAt.getTime() <= windowMs;
  }
  return true;
}

export function mayAct(action: NeedActionName, rel: Relation): boolean {
  return whoOf(action).some((key) => rel[key]);
}

/** The actions the caller could take now: rendered as buttons, re-checked by each action. */
export function allowedActions(rel: Relation, need: Need, now: Date): NeedActionName[] {
  return ACTIONS.filter((a) => mayAct(a, rel) && stateAllows(a, need, now));
}
