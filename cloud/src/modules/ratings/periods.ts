import { In, type EntityManager } from 'typeorm';
import {
  DEFAULT_WEIGHTS,
  ErrorCode,
  LIVE_PERIOD_STATUSES,
  localDay,
  PERIOD_STATUS_LABEL,
  VISIBLE_PERIOD_STATUSES,
  type CompoundType,
  type Weights,
} from '@hg/types';
import type { ActionContext } from '../../core/action';
import { dialectOf, findLockedShared } from '../../core/data-source';
import { AppError, invalidTransition } from '../../core/errors';
import { transition } from '../../core/state-machine';
import { compoundsWhere } from '../community/public';
import { Notifier } from '../notifications/public';
import { computeResults } from './compute';
import { AssessorScore, FirmResult, RatingPeriod, RatingWeights } from './entities';
import { PERIOD_MACHINE } from './period-status';
import { announcePeriodOpened } from './rating-messages';
import { writeFirstVersions } from './review';

/** The period households and assessors rate in now: the one open period (there is at most one). */
export const openPeriod = (em: EntityManager) => em.findOne(RatingPeriod, { where: { status: 'open' }, order: { id: 'DESC' } });

/**
 * The 12 latest visible periods (those publishedResults reads) and the open one, in one statement:
 * at most one period is open at a time (openSlot), so 13 rows hold both.
 */
export async function visibleAndOpenPeriods(em: EntityManager): Promise<{ visible: RatingPeriod[]; open: RatingPeriod | null }> {
  const rows = await em.find(RatingPeriod, { where: { status: In([...VISIBLE_PERIOD_STATUSES, 'open']) }, order: { id: 'DESC' }, take: 13 });
  const visible = rows.filter((p) => (VISIBLE_PERIOD_STATUSES as readonly string[]).includes(p.status)).slice(0, 12);
  return { visible, open: rows.find((p) => p.status === 'open') ?? null };
}

/**
 * Inside the transaction that writes a household rating or an assessor's scores: the period, read
 * under a shared lock, is open and `at` falls on one of its days (Beijing time). Closing takes the
 * row's exclusive lock, so it waits for every rating that passed this check to commit and its
 * results include them; a rating that comes later waits for the close and is refused. A day after
 * `endsOn` is refused even before the timer has closed the period.
 */
export async function lockRatablePeriod(em: EntityManager, periodId: number, at: Date): Promise<RatingPeriod> {
  const period = await lockOpenPeriod(em, periodId);
  const today = localDay(at);
  if (today > period.endsOn) throw invalidTransition(`本期评价已于${period.endsOn}结束，结果将在公布后可见`);
  if (today < period.startsOn) throw invalidTransition(`本期评价将于${period.startsOn}开始`);
  return period;
}

/** The period under a shared lock, open (assessors' scores count until the close; see lockRatablePeriod). */
export async function lockOpenPeriod(em: EntityManager, periodId: number): Promise<RatingPeriod> {
  const period = await findLockedShared(em, RatingPeriod, periodId);
  if (!period || period.status !== 'open') throw invalidTransition('本期评价已截止，结果将在公布后可见');
  return period;
}

/**
 * The periods holding days of the calendar (scheduled or open), read so that no other transaction
 * adds or moves one until this one ends: a locking read (`FOR UPDATE`) over the status index takes
 * the matching rows and the gaps beside them, so a concurrent insert of a scheduled or open period
 * waits; two schedulers at once deadlock on each other's gap and the victim is retried from its
 * first read (runInTransaction), then sees the winner. SQLite's transactions are queued. Make it the
 * transaction's first read.
 */
export async function lockLivePeriods(em: EntityManager): Promise<RatingPeriod[]> {
  const q = em
    .createQueryBuilder(RatingPeriod, 'p')
    .where('p.status IN (:...live)', { live: [...LIVE_PERIOD_STATUSES] })
    .orderBy('p.startsOn', 'ASC');
  if (dialectOf(em.connection) !== 'better-sqlite3') q.setLock('pessimistic_write');
  return q.getMany();
}

/**
 * A period's days may not overlap a scheduled or open one's (`except`: the period being edited):
 * households rate one period at a time, and a scheduled period must find the calendar free on its
 * first day. INVALID_INPUT on startsOn, `reason: 'OVERLAP'`, naming the other period.
 */
export function assertNoOverlap(live: readonly RatingPeriod[], days: { startsOn: string; endsOn: string }, except?: number): void {
  const other = live.find((p) => p.id !== except && p.startsOn <= days.endsOn && days.startsOn <= p.endsOn);
  if (!other) return;
  throw new AppError(
    ErrorCode.INVALID_INPUT,
    `startsOn: 与${other.code}期（${other.startsOn} 至 ${other.endsOn}，${PERIOD_STATUS_LABEL[other.status]}）的日期重叠，请调整日期`,
    { field: 'startsOn', reason: 'OVERLAP', periodId: other.id, code: other.code },
  );
}

/**
 * The timer opens a scheduled period on one of its days (Beijing time): compare-and-set scheduled →
 * open taking the one-open-period key (`openSlot`), the weights of that day frozen into it, and the
 * same messages as an admin's open, all in one transaction. False when it is no longer scheduled or
 * not due; a lost race is CONFLICT, an open period already holding the key a unique violation.
 */
export async function openScheduledPeriod(ctx: Pick<ActionContext, 'tx'>, periodId: number, at: Date): Promise<boolean> {
  return ctx.tx(async (em) => {
    const row = await em.findOne(RatingPeriod, { where: { id: periodId } });
    const today = localDay(at);
    if (!row || row.status !== 'scheduled' || row.startsOn > today || row.endsOn < today) return false;
    const weights = JSON.stringify(await currentWeights(em));
    await transition({
      em,
      machine: PERIOD_MACHINE,
      entity: RatingPeriod,
      row,
      action: 'open',
      patch: { openSlot: 'open', weights, updatedAt: at },
      at,
      actorId: null,
      conflictMessage: '该期已被其他人处理',
    });
    await announcePeriodOpened(em, new Notifier(), row);
    return true;
  });
}

/** The current weights per compound type (admin-configured, else the defaults). */
export async function currentWeights(em: EntityManager): Promise<Record<CompoundType, Weights>> {
  const rows = await em.find(RatingWeights);
  const out = { ...DEFAULT_WEIGHTS };
  for (const r of rows) out[r.compoundType] = JSON.parse(r.weights) as Weights;
  return out;
}

/** The compounds a firm serves as their property firm. */
export const compoundsOf = (em: EntityManager, firmId: number) => compoundsWhere(em, { propertyOrgId: firmId });

/**
 * Close a period: compare-and-set open → closed and, in the same transaction, store every firm's
 * computed result. Run by the admin (`by`) or by the timer (null) after the last day; of two at once one wins.
 */
export async function closePeriod(ctx: Pick<ActionContext, 'tx'>, period: RatingPeriod, at: Date, by: number | null = null): Promise<void> {
  await ctx.tx(async (em) => {
    await transition({
      em,
      machine: PERIOD_MACHINE,
      entity: RatingPeriod,
      row: period,
      action: 'close',
      // Frees the one-open-period key; the update's exclusive lock waits for ratings in flight.
      patch: { updatedAt: at, openSlot: null },
      at,
      conflictMessage: '该期已被其他人截止',
      actorId: by,
    });
    const results = await computeResults(em, period);
    await em.delete(FirmResult, { periodId: period.id });
    if (results.length) {
      await em.insert(
        FirmResult,
        results.map((r) => ({
          periodId: period.id,
          firmId: r.firmId,
          compoundType: r.compoundType,
          sample: r.sample,
          starsX2: r.stars === null ? null : r.stars * 2,
          composite: r.composite === null ? null : Math.round(r.composite),
          criteria: JSON.stringify(r.criteria),
          satisfactionRaw: r.satisfactionRaw === null ? null : Math.round(r.satisfactionRaw),
          needs: JSON.stringify(r.needs),
          createdAt: at,
        })),
      );
      await writeFirstVersions(em, period.id, at);
    }
  });
}

/** Public results of a firm (公示中 or final, each at its current version), newest period first. */
export async function publishedResults(
  em: EntityManager,
  firmId: number,
  visible?: RatingPeriod[],
): Promise<{ result: FirmResult; period: RatingPeriod }[]> {
  const periods = visible ?? (await em.find(RatingPeriod, { where: { status: In([...VISIBLE_PERIOD_STATUSES]) }, order: { id: 'DESC' }, take: 12 }));
  if (!periods.length) return [];
  const rows = await em.find(FirmResult, { where: { firmId, periodId: In(periods.map((p) => p.id)) } });
  return periods.flatMap((p) => rows.filter((r) => r.periodId === p.id).map((result) => ({ result, period: p })));
}

/** How many assessors scored a firm in each of these periods (one grouped query; absent: none). */
export async function assessorsPerPeriod(em: EntityManager, firmId: number, periodIds: number[]): Promise<Map<number, number>> {
  if (!periodIds.length) return new Map();
  const rows: { periodId: number | string; n: number | string }[] = await em
    .createQueryBuilder(AssessorScore, 'a')
    .select('a.periodId', 'periodId')
    .addSelect('COUNT(*)', 'n')
    .where('a.firmId = :firmId', { firmId })
    .andWhere('a.periodId IN (:...periodIds)', { periodIds })
    .groupBy('a.periodId')
    .getRawMany();
  return new Map(rows.map((r) => [Number(r.periodId), Number(r.n)]));
}
