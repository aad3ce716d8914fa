import type { EntityManager } from 'typeorm';
import { ESCALATION_ORDER, LEVEL_LABEL, type EscalationLevel, type NeedActionName, type NeedDetailDTO, type NeedEventType, type NeedStatus, type Role } from '@hg/types';
import type { ActionContext } from '../../core/action';
import { clock } from '../../core/clock';
import { forbidden, invalidTransition, notFound } from '../../core/errors';
import { Notifier, usersWithRoleOver } from '../notifications/notifier';
import type { Actor } from '../users/actor';
import { NeedCategory } from './need-category.entity';
import { NeedEvent } from './need-event.entity';
import { canSee, mayAct, relationTo, stateAllows, type Relation } from './need.policy';
import { presentDetail } from './need.presenter';
import { Need } from './need.entity';
import { ACTION_TRANSITIONS } from './need-status';

export interface NeedStep {
  em: EntityManager;
  need: Need;
  category: NeedCategory;
  actor: Actor;
  rel: Relation;
  now: Date;
  notifier: Notifier;
}

/**
 * The shape of every need action: in one transaction load the need → hide it from people who may
 * not see it (NOT_FOUND) → check the actor's relation (FORBIDDEN) and the state (INVALID_TRANSITION)
 * → do the step; after commit push subscribe messages and return the fresh detail.
 */
export async function runNeedAction(
  ctx: ActionContext,
  needId: number,
  action: NeedActionName,
  step: (s: NeedStep) => Promise<void>,
): Promise<NeedDetailDTO> {
  const notifier = new Notifier();
  const now = clock.now();
  let category: NeedCategory | null = null;
  await ctx.tx(async (em) => {
    const need = await em.findOne(Need, { where: { id: needId } });
    if (!need) throw notFound('需求');
    category = await em.findOneByOrFail(NeedCategory, { id: need.categoryId });
    const rel = relationTo(ctx.actor, need, category);
    // A claimer who lost the race still knows the need: tell them it was taken, not that it vanished.
    if (!canSee(rel, need) && !(action === 'claim' && rel.claimer)) throw notFound('需求');
    if (!mayAct(action, rel)) throw forbidden();
    if (!stateAllows(action, need, now)) throw invalidTransition();
    await step({ em, need, category, actor: ctx.actor, rel, now, notifier });
  });
  await notifier.flush(ctx.ds.manager, ctx.platform);
  const fresh = await ctx.ds.manager.findOneByOrFail(Need, { id: needId });
  return presentDetail(ctx.ds.manager, fresh, ctx.actor, now, category ?? undefined);
}

const EVENT_OF: Partial<Record<NeedActionName | 'autoClose', NeedEventType>> = {
  dispatch: 'dispatched',
  publish: 'published',
  claim: 'claimed',
  accept: 'accepted',
  decline: 'declined',
  transfer: 'transferred',
  start: 'started',
  hold: 'held',
  resume: 'resumed',
  resolve: 'resolved',
  rate: 'rated',
  reopen: 'reopened',
  cancel: 'cancelled',
  reject: 'rejected',
  merge: 'merged',
  autoClose: 'auto_closed',
};

/**
 * Compare-and-set the status (WHERE id = ? AND status = <the status we read>) and write the one
 * event row of this transition. If someone else moved the need first, nothing is written and the
 * caller gets INVALID_TRANSITION — two volunteers can never both claim; a double tap does nothing.
 */
export async function transition(
  em: EntityManager,
  need: Need,
  action: keyof typeof EVENT_OF,
  actorId: number | null,
  patch: Partial<Need> = {},
  note: string | null = null,
): Promise<NeedStatus> {
  const rule = ACTION_TRANSITIONS[action]!;
  if (!rule.from.includes(need.status)) throw invalidTransition();
  const now = patch.updatedAt ?? clock.now();
  const res = await em.update(Need, { id: need.id, status: need.status }, { ...patch, status: rule.to, updatedAt: now });
  if (res.affected !== 1) throw invalidTransition('该需求刚刚被其他人处理，请刷新后查看');
  await recordEvent(em, need.id, EVENT_OF[action]!, actorId, need.status, rule.to, null, note, now);
  const from = need.status;
  Object.assign(need, patch, { status: rule.to, updatedAt: now });
  return from;
}

export async function recordEvent(
  em: EntityManager,
  needId: number,
  type: NeedEventType,
  actorId: number | null,
  fromStatus: NeedStatus | null,
  toStatus: NeedStatus | null,
  level: EscalationLevel | null,
  note: string | null,
  at: Date,
): Promise<void> {
  await em.insert(NeedEvent, { needId, type, actorId, fromStatus, toStatus, level, note: note?.slice(0, 500) ?? null, createdAt: at });
}

/** Who answers at each rung of the ladder. */
export const LEVEL_ROLES: Record<EscalationLevel, readonly Role[]> = {
  building: ['building_head', 'unit_head'],
  compound: ['compound_head'],
  community: ['community_staff'],
  street: ['street_staff'],
};

/**
 * Raise the need one rung (compare-and-set on the level), record it and tell the next level's
 * people. Returns false when it was already at the top or someone else raised it first.
 */
export async function escalate(em: EntityManager, need: Need, reason: string, notifier: Notifier, now: Date, actorId: number | null = null): Promise<boolean> {
  const i = ESCALATION_ORDER.indexOf(need.level);
  if (i < 0 || i >= ESCALATION_ORDER.length - 1) return false;
  const next = ESCALATION_ORDER[i + 1];
  const res = await em.update(Need, { id: need.id, level: need.level }, { level: next, leftBuilding: true, urgesSinceEscalation: 0, updatedAt: now });
  if (res.affected !== 1) return false;
  await recordEvent(em, need.id, 'escalated', actorId, null, null, next, reason, now);
  Object.assign(need, { level: next, leftBuilding: true, urgesSinceEscalation: 0, updatedAt: now });
  const people = await usersWithRoleOver(em, LEVEL_ROLES[next], need);
  await notifier.to(em, people, { title: `需求升级至${LEVEL_LABEL[next]}`, body: `#${need.id} ${reason}`, needId: need.id });
  return true;
}

export const hoursFrom = (now: Date, hours: number) => new Date(now.getTime() + hours * 3600 * 1000);

/** The receiving organisation's staff (in scope) or the claiming person. */
export async function receiverUserIds(em: EntityManager, need: Need): Promise<number[]> {
  if (need.receiverUserId) return [need.receiverUserId];
  if (need.receiverOrgId) return usersWithRoleOver(em, ['org_staff'], need, need.receiverOrgId);
  return [];
}

export const communityStaffOf = (em: EntityManager, need: Need) => usersWithRoleOver(em, ['community_staff'], need);
