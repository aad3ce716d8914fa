import { LessThanOrEqual, type EntityManager } from 'typeorm';
import { localYear } from '@hg/types';
import { PARTY_LIMITS, type ServiceHoursDTO } from '@hg/types/party';
import type { TCorrectHoursRequest, TDecideHoursRequest, THoursListRequest } from '@hg/types/party-schemas';
import type { Page } from '@hg/types';
import type { ActionContext } from '../../core/action';
import { clock } from '../../core/clock';
import { decodeCursor, encodeCursor } from '../../core/cursor';
import { AppError, conflict, forbidden, invalidTransition, notFound } from '../../core/errors';
import type { TimerJob } from '../../core/module';
import { transition } from '../../core/state-machine';
import { recordEvent } from '../../core/subject-log';
import { communitiesByIds } from '../community/public';
import type { Actor } from '../identity/public';
import { PartyActivity, ServiceHours } from './entities';
import { minutesBetween } from './activities';
import { mayConfirm, mayRunActivity } from './party.policy';
import { HOURS_MACHINE } from './party-status';
import { presentHours } from './party.presenter';

/**
 * A record of hours as the caller may act on it: the member sees their own; the activity's
 * organiser and the branch over its community approve and correct (never their own hours);
 * anyone else is told it does not exist.
 */
async function hoursForApprover(em: EntityManager, actor: Actor, hoursId: number): Promise<ServiceHours> {
  const h = await em.findOne(ServiceHours, { where: { id: hoursId } });
  if (!h) throw notFound('时长记录');
  const a = await em.findOneByOrFail(PartyActivity, { id: h.activityId });
  const approver = mayRunActivity(actor, a);
  if (!approver && h.userId !== actor.userId) throw notFound('时长记录');
  if (!approver || h.userId === actor.userId) throw forbidden('只有活动组织者和本社区党组织可以认定他人的时长');
  return h;
}

/** 工时审核: approve (counts from now on) or reject with a reason; a compare-and-set, so a double tap writes once. */
export async function decideHours(ctx: ActionContext, input: TDecideHoursRequest): Promise<ServiceHoursDTO> {
  const now = clock.now();
  const row = await ctx.tx(async (em) => {
    const h = await hoursForApprover(em, ctx.actor, input.hoursId);
    await transition({
      em,
      machine: HOURS_MACHINE,
      entity: ServiceHours,
      row: h,
      action: input.approve ? 'approve' : 'reject',
      patch: { decidedById: ctx.actor.userId, decidedAt: now, rejectReason: input.approve ? null : (input.reason ?? null), updatedAt: now },
      at: now,
      actorId: ctx.actor.userId,
      data: input.reason ? { reason: input.reason } : null,
      conflictMessage: '这条时长记录刚刚被处理，请刷新后查看',
    });
    return h;
  });
  return (await presentHours(ctx.ds.manager, [row], ctx.actor))[0];
}

/**
 * 更正时长: set the minutes of a pending or approved record. A compare-and-set on the minutes as
 * read; the subject log keeps before, after, who and why.
 */
export async function correctHours(ctx: ActionContext, input: TCorrectHoursRequest): Promise<ServiceHoursDTO> {
  const now = clock.now();
  const row = await ctx.tx(async (em) => {
    const h = await hoursForApprover(em, ctx.actor, input.hoursId);
    if (h.status !== 'pending' && h.status !== 'approved') throw invalidTransition('只能更正待审核或已认定的时长');
    if (h.minutes === input.minutes) throw invalidTransition('时长没有变化');
    const before = h.minutes;
    const res = await em
      .createQueryBuilder()
      .update(ServiceHours)
      .set({ minutes: input.minutes, updatedAt: now })
      .where('id = :id AND status = :status', { id: h.id, status: h.status })
      .andWhere(before === null ? 'minutes IS NULL' : 'minutes = :before', { before })
      .execute();
    if (res.affected !== 1) throw conflict('这条时长记录刚刚被更正，请刷新后查看');
    await recordEvent(em, {
      subjectKind: HOURS_MACHINE.name,
      subjectId: h.id,
      action: 'corrected',
      actorId: ctx.actor.userId,
      at: now,
      data: { before, after: input.minutes, reason: input.reason },
    });
    h.minutes = input.minutes;
    return h;
  });
  return (await presentHours(ctx.ds.manager, [row], ctx.actor))[0];
}

/** 工时审核 list: a community's records by status (pending first by default), newest first, keyset by id. */
export async function listHours(ctx: ActionContext, input: THoursListRequest): Promise<Page<ServiceHoursDTO>> {
  const em = ctx.ds.manager;
  const community = (await communitiesByIds(em, [input.communityId])).get(input.communityId);
  if (!community || !mayConfirm(ctx.actor, { streetId: community.streetId, communityId: community.id })) throw notFound('社区');
  const after = decodeCursor(input.cursor);
  const qb = em
    .createQueryBuilder(ServiceHours, 'h')
    .where('h.communityId = :c AND h.status = :s', { c: community.id, s: input.status ?? 'pending' })
    .orderBy('h.id', 'DESC')
    .take(PARTY_LIMITS.pageSize + 1);
  if (after) qb.andWhere('h.id < :after', { after });
  const rows = await qb.getMany();
  const page = rows.slice(0, PARTY_LIMITS.pageSize);
  return { items: await presentHours(em, page, ctx.actor), nextCursor: rows.length > page.length ? encodeCursor(page[page.length - 1].id) : null };
}

/** 我的时长: the member's records of a year, newest first. */
export async function myHours(ctx: ActionContext, year: number | undefined): Promise<ServiceHoursDTO[]> {
  const rows = await ctx.ds.manager.find(ServiceHours, { where: { userId: ctx.actor.userId, year: year ?? localYear(clock.now()) }, order: { id: 'DESC' } });
  return presentHours(ctx.ds.manager, rows, ctx.actor);
}

/** Records handled per tick; the next tick takes the rest. */
const BATCH = 200;

/**
 * A missed check-out: a record still open when its activity ended is closed at the end, pending
 * and flagged (never approved by itself, never counted until someone approves it). Each record in
 * its own transaction through the machine's compare-and-set, so overlapping ticks close it once
 * and write one event; a loser's refusal is skipped.
 */
export const closeMissedCheckouts: TimerJob = {
  name: 'party.closeMissedCheckouts',
  async run(ctx, now) {
    const due = await ctx.em.find(ServiceHours, { where: { status: 'open', endsAt: LessThanOrEqual(now) }, order: { id: 'ASC' }, take: BATCH });
    let closed = 0;
    for (const read of due) {
      try {
        await ctx.tx(async (em) => {
          const h = await em.findOneByOrFail(ServiceHours, { id: read.id });
          await transition({
            em,
            machine: HOURS_MACHINE,
            entity: ServiceHours,
            row: h,
            action: 'autoClose',
            patch: { endedAt: h.endsAt, minutes: minutesBetween(h.startedAt, h.endsAt), flag: 'missed_checkout', updatedAt: now },
            at: now,
            actorId: null,
            data: { note: '未签退，按活动结束时间截止' },
          });
        });
        closed++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
      }
    }
    return { partyCheckoutsClosed: closed };
  },
};
