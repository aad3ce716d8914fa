import type { EntityManager } from 'typeorm';
import { ESCALATION_ORDER, LADDER, LEVEL_LABEL, RECEIVER_ROLES, type NeedActionName, type NeedChangeDTO, type NeedDetailDTO, type NeedStatus } from '@hg/types';
import type { ActionContext } from '../../core/action';
import { clock } from '../../core/clock';
import { forbidden, invalidTransition, notFound } from '../../core/errors';
import { transition, transitionMany } from '../../core/state-machine';
import { holdersQuery, usersWithRoleOver, type Actor, type NodePath } from '../identity/public';
import { Notifier, type Message, type Recipients } from '../notifications/public';
import { NeedCategory } from './need-category.entity';
import { needEventData, recordNeedEvent } from './need-events';
import { NeedFollower } from './need-follower.entity';
import { tellResidents } from './need-followers';
import { canSee, mayAct, relationTo, stateAllows, type Relation } from './need.policy';
import { presentChange, presentDetail } from './need.presenter';
import { Need } from './need.entity';
import { NEED_MACHINE, type NeedTransitionAction } from './need-status';

export interface NeedStep {
  em: EntityManager;
  need: Need;
  category: NeedCategory;
  actor: Actor;
  rel: Relation;
  now: Date;
  notifier: Notifier;
}

/** A need with its category and whether `userId` follows it, as one need action reads them. */
export interface LoadedNeed {
  need: Need;
  category: NeedCategory;
  follower: boolean;
}

/**
 * The need, its category and the caller's follower row in ONE statement (they are what every
 * action and the detail check the caller's relation against), or null.
 */
export async function loadNeed(em: EntityManager, needId: number, userId: number): Promise<LoadedNeed | null> {
  const row = await em
    .createQueryBuilder(Need, 'n')
    .innerJoinAndMapOne('n.loadedCategory', NeedCategory, 'c', 'c.id = n.categoryId')
    .leftJoinAndMapOne('n.loadedFollow', NeedFollower, 'f', 'f.needId = n.id AND f.userId = :uid', { uid: userId || -1 })
    .where('n.id = :id', { id: needId })
    .getOne();
  if (!row) return null;
  const { loadedCategory, loadedFollow, ...rest } = row as Need & { loadedCategory: NeedCategory; loadedFollow?: NeedFollower | null };
  return { need: Object.assign(new Need(), rest), category: loadedCategory, follower: !!loadedFollow };
}

/**
 * The shape of every need action: in one transaction load the need → hide it from people who may
 * not see it (NOT_FOUND) → check the actor's relation (FORBIDDEN) and the state (INVALID_TRANSITION)
 * → do the step → write its messages (one statement; their pushes go out from the outbox).
 * Returns the need as the transaction left it, with its category.
 */
export async function applyNeedAction(
  ctx: ActionContext,
  needId: number,
  action: NeedActionName,
  step: (s: NeedStep) => Promise<void>,
): Promise<{ need: Need; category: NeedCategory; now: Date }> {
  const now = clock.now();
  return ctx.tx(async (em) => {
    // Made inside: a transaction retried after a deadlock collects its messages afresh.
    const notifier = new Notifier({ deferred: true });
    const loaded = await loadNeed(em, needId, ctx.actor.userId);
    if (!loaded) throw notFound('需求');
    const { need, category } = loaded;
    const rel = relationTo(ctx.actor, need, category, { follower: loaded.follower });
    // Whoever may not see the need learns nothing about it, not even that it exists: a party
    // member claiming a need that was never published or is already taken gets NOT_FOUND.
    if (!canSee(rel, need)) throw notFound('需求');
    if (!mayAct(action, rel)) throw forbidden();
    if (!stateAllows(action, need, now)) throw invalidTransition();
    await step({ em, need, category, actor: ctx.actor, rel, now, notifier });
    await notifier.write(em);
    return { need, category, now };
  });
}

/**
 * A need action that answers with the fresh detail: the page that acted shows the need again
 * (accept, resolve, comment …).
 */
export async function runNeedAction(ctx: ActionContext, needId: number, action: NeedActionName, step: (s: NeedStep) => Promise<void>): Promise<NeedDetailDTO> {
  const { category, now } = await applyNeedAction(ctx, needId, action, step);
  const fresh = await ctx.ds.manager.findOneByOrFail(Need, { id: needId });
  return presentDetail(ctx.ds.manager, fresh, ctx.actor, now, category);
}

/**
 * A need action that answers small (NeedChangeDTO): where the client moves on or re-reads the
 * detail itself (dispatch, transfer), the action does not pay for a detail it would not show.
 */
export async function changeNeed(ctx: ActionContext, needId: number, action: NeedActionName, step: (s: NeedStep) => Promise<void>): Promise<NeedChangeDTO> {
  const { need } = await applyNeedAction(ctx, needId, action, step);
  return presentChange(need);
}

/**
 * Move a need by one row of NEED_MACHINE: core's compare-and-set plus exactly one subject_events row,
 * in the caller's transaction. Lost race → CONFLICT; wrong state → INVALID_TRANSITION.
 */
export async function moveNeed(
  em: EntityManager,
  need: Need,
  action: NeedTransitionAction,
  opts: { by: number | null; patch?: Partial<Need>; note?: string | null },
): Promise<NeedStatus> {
  const at = opts.patch?.updatedAt ?? clock.now();
  return transition({
    em,
    machine: NEED_MACHINE,
    entity: Need,
    row: need,
    action,
    patch: { ...opts.patch, updatedAt: at },
    at,
    conflictMessage: '该需求刚刚被其他人处理，请刷新后查看',
    actorId: opts.by,
    data: needEventData({ note: opts.note }),
  });
}

/**
 * Move many needs by one row of NEED_MACHINE at once (timers): core's batch transition, one
 * conditional UPDATE and one multi-row INSERT into the subject log. Needs someone else moved since
 * they were read stay where they are. Returns the needs it moved.
 */
export function moveNeeds(
  em: EntityManager,
  needs: readonly Need[],
  action: NeedTransitionAction,
  opts: { by: number | null; patch?: Partial<Need>; note?: string | null },
): Promise<Need[]> {
  const at = opts.patch?.updatedAt ?? clock.now();
  return transitionMany({
    em,
    machine: NEED_MACHINE,
    entity: Need,
    rows: needs,
    action,
    patch: { ...opts.patch, updatedAt: at },
    at,
    actorId: opts.by,
    data: needEventData({ note: opts.note }),
  });
}

/** A message to the resident about their own need (progress, outcome). */
export const forResident = (need: Pick<Need, 'id'>): Pick<Message, 'kind' | 'subject'> => ({
  kind: 'need_update',
  subject: { subjectKind: 'need', subjectId: need.id },
});

/** A message to staff, heads or receivers: work to triage, with the need's text quoted. */
export const forStaff = (need: Pick<Need, 'id' | 'description'>): Pick<Message, 'kind' | 'subject' | 'excerpt'> => ({
  kind: 'need_task',
  subject: { subjectKind: 'need', subjectId: need.id },
  // A need spoken instead of typed has no text to quote (语音点单).
  excerpt: need.description || '[语音]',
});

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
  await recordNeedEvent(em, { needId: need.id, type: 'escalated', actorId, level: next, note: reason, at: now });
  Object.assign(need, { level: next, leftBuilding: true, urgesSinceEscalation: 0, updatedAt: now });
  const people = await usersWithRoleOver(em, LADDER[next], need);
  await notifier.to(em, people, { title: `需求升级至${LEVEL_LABEL[next]}`, body: `#${need.id} ${reason}`, ...forStaff(need) });
  // The resident learns that a higher level now answers for their need (and why).
  await tellResidents(em, notifier, need, { title: `您的需求已升级至${LEVEL_LABEL[next]}`, body: `#${need.id} ${reason}，由${LEVEL_LABEL[next]}督办` });
  return true;
}

export const hoursFrom = (now: Date, hours: number) => new Date(now.getTime() + hours * 3600 * 1000);

/** The receiving organisation's staff (in scope) or the claiming person. */
export async function receiverUserIds(em: EntityManager, need: Need): Promise<number[]> {
  if (need.receiverUserId) return [need.receiverUserId];
  if (need.receiverOrgId) return usersWithRoleOver(em, RECEIVER_ROLES, need, need.receiverOrgId);
  return [];
}

export const communityStaffOf = (em: EntityManager, need: Need) => usersWithRoleOver(em, ['community_staff'], need);

/**
 * The same people as `receiverUserIds` / `communityStaffOf`, for a message only: a query the
 * message's INSERT selects from (no statement of its own).
 */
export function receiversToTell(em: EntityManager, need: Need): Recipients {
  if (need.receiverUserId) return [need.receiverUserId];
  if (need.receiverOrgId) return holdersQuery(em, RECEIVER_ROLES, need, need.receiverOrgId);
  return [];
}
export const communityStaffToTell = (em: EntityManager, need: NodePath): Recipients => holdersQuery(em, ['community_staff'], need);
