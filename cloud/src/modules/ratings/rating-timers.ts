import { addDays, localDay } from '@hg/types';
import { dialectOf } from '../../core/data-source';
import { AppError, isUniqueViolation } from '../../core/errors';
import type { TimerJob } from '../../core/module';
import { eventsOf, recordEvent } from '../../core/subject-log';
import { Notifier } from '../notifications/public';
import { RatingPeriod } from './entities';
import { PERIOD_MACHINE } from './period-status';
import { closePeriod, openScheduledPeriod } from './periods';
import { remindAssessors } from './rating-messages';
import { finalizePeriod } from './review';

/** The day after a period's last day (Beijing time), it closes and its results are computed. */
export const closeEndedPeriods: TimerJob = {
  name: 'ratings.closeEndedPeriods',
  async run(ctx, now) {
    const today = localDay(now);
    const open = await ctx.em.find(RatingPeriod, { where: { status: 'open' } });
    let periodsClosed = 0;
    for (const period of open.filter((p) => p.endsOn < today)) {
      try {
        await closePeriod({ tx: ctx.tx }, period, now);
        periodsClosed++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
      }
    }
    return { periodsClosed };
  },
};

/**
 * 到期自动开始: on a scheduled period's first day (Beijing time) it opens, with the messages an
 * admin's open sends. Each is a compare-and-set taking the one-open-period key, so overlapping ticks
 * (or a tick and an admin) open it once; one that cannot open now (a race lost, another period
 * holding the key) stays scheduled for the next tick. A scheduled period whose last day passed
 * without opening is left for the admin (评星管理 says so).
 */
export const openScheduledPeriods: TimerJob = {
  name: 'ratings.openScheduledPeriods',
  async run(ctx, now) {
    const today = localDay(now);
    const scheduled = await ctx.em.find(RatingPeriod, { where: { status: 'scheduled' }, order: { startsOn: 'ASC' } });
    let periodsOpened = 0;
    for (const period of scheduled.filter((p) => p.startsOn <= today && today <= p.endsOn)) {
      try {
        if (await openScheduledPeriod({ tx: ctx.tx }, period.id, now)) periodsOpened++;
      } catch (err) {
        if (!(err instanceof AppError) && !isUniqueViolation(err)) throw err;
      }
    }
    return { periodsOpened };
  },
};

/** Assessors are reminded from this many days before a period's last day (Beijing time). */
export const REMIND_ASSESSORS_DAYS_BEFORE = 2;
const REMINDED = 'assessors_reminded';

/**
 * 考评即将截止: from two days before an open period's last day, its assessors are told once. The
 * reminder is an event in the period's log, written under the period row's exclusive lock after
 * checking there is none yet, so overlapping ticks (or a tick after a failed one) remind once.
 */
export const remindAssessorsBeforeClose: TimerJob = {
  name: 'ratings.remindAssessors',
  async run(ctx, now) {
    const today = localDay(now);
    const open = await ctx.em.find(RatingPeriod, { where: { status: 'open' } });
    let assessorsReminded = 0;
    for (const period of open.filter((p) => addDays(p.endsOn, -REMIND_ASSESSORS_DAYS_BEFORE) <= today && today <= p.endsOn)) {
      const notifier = new Notifier();
      const told = await ctx.tx(async (em) => {
        if (dialectOf(em.connection) !== 'better-sqlite3') await em.query('SELECT id FROM `rating_periods` WHERE id = ? FOR UPDATE', [period.id]);
        const row = await em.findOne(RatingPeriod, { where: { id: period.id } });
        if (row?.status !== 'open') return 0;
        if ((await eventsOf(em, PERIOD_MACHINE.name, period.id, { actions: [REMINDED] })).length) return 0;
        const n = await remindAssessors(em, notifier, row);
        await recordEvent(em, { subjectKind: PERIOD_MACHINE.name, subjectId: period.id, action: REMINDED, actorId: null, at: now, data: { assessors: n } });
        return n;
      });
      assessorsReminded += told;
    }
    return { assessorsReminded };
  },
};

/**
 * The day after 公示's last day, a period with every objection answered becomes final (定稿); one
 * with an objection still unanswered waits for the admin's answer (the next tick finalizes it).
 */
export const finalizeAfterPublicity: TimerJob = {
  name: 'ratings.finalizeAfterPublicity',
  async run(ctx, now) {
    const today = localDay(now);
    const inPublicity = await ctx.em.find(RatingPeriod, { where: { status: 'publicity' } });
    let periodsFinalized = 0;
    for (const period of inPublicity.filter((p) => p.publicityEndsOn !== null && p.publicityEndsOn < today)) {
      try {
        await finalizePeriod({ tx: ctx.tx }, () => new Notifier(), { periodId: period.id, by: null, at: now });
        periodsFinalized++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
      }
    }
    return { periodsFinalized };
  },
};
