import {
  ErrorCode,
  localDay,
  REVIEW_RULES,
  ZEditPeriodRequest,
  ZEmptyRequest,
  ZOpenPeriodRequest,
  ZPeriodRequest,
  ZPublishPeriodRequest,
  ZSaveWeightsRequest,
} from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { AppError, conflict, forbidden, invalidInput, invalidTransition, isUniqueViolation, notFound } from '../../../core/errors';
import { transition } from '../../../core/state-machine';
import { recordEvent } from '../../../core/subject-log';
import { isCityAdmin, type Actor } from '../../identity/public';
import { Notifier } from '../../notifications/public';
import { RatingPeriod, RatingWeights } from '../entities';
import { PERIOD_MACHINE } from '../period-status';
import { assertNoOverlap, closePeriod, currentWeights, lockLivePeriods, openPeriod } from '../periods';
import { announcePeriodOpened } from '../rating-messages';
import { finalizePeriod, startPublicity } from '../review';
import { presentPeriod } from '../rating.presenter';

const adminOnly = (actor: Actor) => {
  if (!isCityAdmin(actor)) throw forbidden('只有管理员可以管理评价期');
};

/** All periods, newest first (public information: what was rated when). */
export const listPeriods = defineAction({
  input: ZEmptyRequest,
  async handler(_input, { ds }) {
    return (await ds.manager.find(RatingPeriod, { order: { id: 'DESC' }, take: 40 })).map(presentPeriod);
  },
});

/**
 * Open a period now (from its first day on); the current weights are frozen into it. One open
 * period at a time: the check below gives the usual answer, and the unique `openSlot` key decides
 * when admins (or an admin and the timer opening a scheduled period) open at once. Its days may not
 * overlap a scheduled period's (read under the calendar's lock, see lockLivePeriods).
 * In the same transaction every verified resident of a rated compound is told (one statement,
 * in-app) and the assessors (in-app, and WeChat from the outbox).
 */
export const openRatingPeriod = defineAction({
  input: ZOpenPeriodRequest,
  async handler({ code, startsOn, endsOn }, ctx) {
    adminOnly(ctx.actor);
    const now = clock.now();
    if (endsOn < localDay(now)) throw invalidInput('endsOn', '结束日期不能早于今天');
    const weights = JSON.stringify(await currentWeights(ctx.ds.manager));
    try {
      const period = await ctx.tx(async (tx) => {
        const notifier = new Notifier();
        const live = await lockLivePeriods(tx);
        if (live.some((p) => p.status === 'open')) throw conflict('已有进行中的评价期，请先截止');
        // No period opens before its first day: households would be told to rate and then refused.
        if (startsOn > localDay(now))
          throw new AppError(ErrorCode.INVALID_INPUT, `startsOn: 开始日期是${startsOn}，评价期只能在开始当天或之后开启；可安排为待开始，届时自动开启`, {
            field: 'startsOn',
            reason: 'NOT_STARTED',
          });
        assertNoOverlap(live, { startsOn, endsOn });
        const row = await tx.save(
          tx.create(RatingPeriod, {
            code,
            startsOn,
            endsOn,
            status: 'open',
            openSlot: 'open',
            weights,
            createdById: ctx.actor.userId,
            createdAt: now,
            updatedAt: now,
          }),
        );
        await recordEvent(tx, { subjectKind: PERIOD_MACHINE.name, subjectId: row.id, action: 'opened', to: 'open', actorId: ctx.actor.userId, at: now });
        await announcePeriodOpened(tx, notifier, row);
        return row;
      });
      return presentPeriod(period);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      if (await openPeriod(ctx.ds.manager)) throw conflict('已有进行中的评价期，请先截止');
      throw conflict('该期号已存在');
    }
  },
});

/** A scheduled period starts after today (Beijing time); on its first day it opens by itself. */
const assertFuture = (startsOn: string, now: Date) => {
  if (startsOn <= localDay(now))
    throw new AppError(ErrorCode.INVALID_INPUT, 'startsOn: 开始日期是今天或更早，请直接开启评价期', { field: 'startsOn', reason: 'NOT_FUTURE' });
};

/**
 * 安排评价期: prepare a period whose first day is after today; the timer `ratings.openScheduledPeriods`
 * opens it on that day (Beijing time) with the weights of that day and the messages of an admin's
 * open. Its days may not overlap another scheduled or open period (checked under the calendar's
 * lock, so two admins at once cannot both place overlapping periods).
 */
export const schedulePeriod = defineAction({
  input: ZOpenPeriodRequest,
  async handler({ code, startsOn, endsOn }, ctx) {
    adminOnly(ctx.actor);
    const now = clock.now();
    assertFuture(startsOn, now);
    const weights = JSON.stringify(await currentWeights(ctx.ds.manager));
    try {
      const period = await ctx.tx(async (tx) => {
        assertNoOverlap(await lockLivePeriods(tx), { startsOn, endsOn });
        const row = await tx.save(
          tx.create(RatingPeriod, { code, startsOn, endsOn, status: 'scheduled', openSlot: null, weights, createdById: ctx.actor.userId, createdAt: now, updatedAt: now }),
        );
        await recordEvent(tx, {
          subjectKind: PERIOD_MACHINE.name,
          subjectId: row.id,
          action: 'scheduled',
          to: 'scheduled',
          actorId: ctx.actor.userId,
          at: now,
          data: { code, startsOn, endsOn },
        });
        return row;
      });
      return presentPeriod(period);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      throw conflict('该期号已存在');
    }
  },
});

/** A scheduled period read in the transaction, or the typed refusal (gone: NOT_FOUND; started: INVALID_TRANSITION). */
const scheduledIn = async (live: RatingPeriod[], read: () => Promise<RatingPeriod | null>, periodId: number) => {
  const row = live.find((p) => p.id === periodId) ?? (await read());
  if (!row) throw notFound('评价期');
  if (row.status !== 'scheduled') throw invalidTransition('该期已开始或已取消，不能再修改');
  return row;
};

/** Change a scheduled period's code or days (still after today, still overlapping nothing); an `edited` event keeps the old ones. */
export const editScheduledPeriod = defineAction({
  input: ZEditPeriodRequest,
  async handler({ periodId, code, startsOn, endsOn }, ctx) {
    adminOnly(ctx.actor);
    const now = clock.now();
    assertFuture(startsOn, now);
    try {
      const period = await ctx.tx(async (tx) => {
        const live = await lockLivePeriods(tx);
        const row = await scheduledIn(live, () => tx.findOne(RatingPeriod, { where: { id: periodId } }), periodId);
        assertNoOverlap(live, { startsOn, endsOn }, periodId);
        const before = { code: row.code, startsOn: row.startsOn, endsOn: row.endsOn };
        await transition({
          em: tx,
          machine: PERIOD_MACHINE,
          entity: RatingPeriod,
          row,
          action: 'edit',
          patch: { code, startsOn, endsOn, updatedAt: now },
          at: now,
          actorId: ctx.actor.userId,
          data: { before, after: { code, startsOn, endsOn } },
          conflictMessage: '该期刚刚开始或已被其他人修改，请刷新',
        });
        return row;
      });
      return presentPeriod(period);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      throw conflict('该期号已存在');
    }
  },
});

/**
 * Cancel a scheduled period: compare-and-set scheduled → cancelled (a `cancelled` event with its
 * code and days), then its row goes in the same transaction — nothing refers to a period that never
 * opened, and its code is free again. Against the timer opening it at that moment, one wins.
 */
export const cancelScheduledPeriod = defineAction({
  input: ZPeriodRequest,
  async handler({ periodId }, ctx) {
    adminOnly(ctx.actor);
    const now = clock.now();
    const period = await ctx.tx(async (tx) => {
      const row = await scheduledIn([], () => tx.findOne(RatingPeriod, { where: { id: periodId } }), periodId);
      await transition({
        em: tx,
        machine: PERIOD_MACHINE,
        entity: RatingPeriod,
        row,
        action: 'cancel',
        patch: { updatedAt: now },
        at: now,
        actorId: ctx.actor.userId,
        data: { code: row.code, startsOn: row.startsOn, endsOn: row.endsOn },
        conflictMessage: '该期刚刚开始或已被其他人处理，请刷新',
      });
      await tx.delete(RatingPeriod, { id: row.id, status: 'cancelled' });
      return row;
    });
    return presentPeriod(period);
  },
});

/** Close the open period now: results are computed and stored (published separately). */
export const closeRatingPeriod = defineAction({
  input: ZPeriodRequest,
  async handler({ periodId }, ctx) {
    adminOnly(ctx.actor);
    const period = await ctx.ds.manager.findOne(RatingPeriod, { where: { id: periodId } });
    if (!period) throw notFound('评价期');
    await closePeriod(ctx, period, clock.now(), ctx.actor.userId);
    return presentPeriod(await ctx.ds.manager.findOneByOrFail(RatingPeriod, { id: periodId }));
  },
});

/**
 * 公示: after review, a closed period's results become public, marked 公示中 until the last day
 * (`publicityDays`, default REVIEW_RULES.publicityDays); residents of rated compounds are told in
 * the same transaction (one statement, in-app), each rated firm's staff with its stars, the last
 * day for objections and the comments to answer.
 */
export const publishRatingPeriod = defineAction({
  input: ZPublishPeriodRequest,
  async handler({ periodId, publicityDays }, ctx) {
    adminOnly(ctx.actor);
    const period = await startPublicity(ctx, () => new Notifier(), {
      periodId,
      days: publicityDays ?? REVIEW_RULES.publicityDays,
      by: ctx.actor.userId,
      at: clock.now(),
    });
    return presentPeriod(period);
  },
});

/**
 * 定稿: once 公示 has ended and every objection is answered, the period is final (typed
 * INVALID_TRANSITION with `details.reason` PUBLICITY_RUNNING or OBJECTIONS_PENDING otherwise).
 */
export const finalizeRatingPeriod = defineAction({
  input: ZPeriodRequest,
  async handler({ periodId }, ctx) {
    adminOnly(ctx.actor);
    const period = await finalizePeriod(ctx, () => new Notifier(), { periodId, by: ctx.actor.userId, at: clock.now() });
    return presentPeriod(period);
  },
});

/** Criteria weights of one compound type; periods opened later use them (an open one keeps its own). */
export const saveWeights = defineAction({
  input: ZSaveWeightsRequest,
  async handler({ compoundType, weights }, ctx) {
    adminOnly(ctx.actor);
    const now = clock.now();
    const json = JSON.stringify(weights);
    try {
      await ctx.tx((tx) => tx.insert(RatingWeights, { compoundType, weights: json, updatedAt: now }));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      await ctx.tx((tx) => tx.update(RatingWeights, { compoundType }, { weights: json, updatedAt: now }));
    }
    return currentWeights(ctx.ds.manager) as Promise<Record<string, Record<string, number>>>;
  },
});

/** The current weights per compound type (what the next period will freeze), for the admin's editor. */
export const getWeights = defineAction({
  input: ZEmptyRequest,
  async handler(_input, ctx) {
    adminOnly(ctx.actor);
    return currentWeights(ctx.ds.manager) as Promise<Record<string, Record<string, number>>>;
  },
});
