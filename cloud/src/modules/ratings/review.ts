import { In, type EntityManager } from 'typeorm';
import {
  addDays,
  ADMIN_ROLES,
  composite as weighted,
  Criterion,
  ErrorCode,
  localDay,
  RATING_RULES,
  starsOf,
  VISIBLE_PERIOD_STATUSES,
  type ObjectionStatus,
} from '@hg/types';
import type { ActionContext } from '../../core/action';
import { dialectOf, findLockedShared } from '../../core/data-source';
import { AppError, conflict, invalidTransition, notFound } from '../../core/errors';
import { transition } from '../../core/state-machine';
import { recordEvent } from '../../core/subject-log';
import { usersWithRoleOver } from '../identity/public';
import type { Notifier } from '../notifications/public';
import { FirmResult, RatingPeriod } from './entities';
import { OBJECTION_MACHINE, PERIOD_MACHINE } from './period-status';
import { weightsOf } from './rating.presenter';
import { announceResults } from './rating-messages';
import { announceFinal, tellObjectionAnswered, tellObjectionLodged, tellResultCorrected } from './review-messages';
import { FirmResultVersion, RatingObjection } from './review.entities';

/** The reason of every result's first version: computed when its period closed. */
export const FIRST_VERSION_REASON = '期末计算';
/** The subject-log kind of a result's corrections. */
export const RESULT_SUBJECT = 'firm-result';

/**
 * One row read with a locking read (`FOR UPDATE` on MySQL/MariaDB; SQLite's transactions are
 * queued): it returns the last committed row even after the transaction's snapshot was taken, and
 * holds the row until commit, so what follows (a correction, the finalize check) runs one at a time.
 */
async function findLockedForUpdate<E extends { id: number }>(em: EntityManager, entity: new () => E, id: number): Promise<E | null> {
  const qb = em.createQueryBuilder(entity, 't').where('t.id = :id', { id });
  if (dialectOf(em.connection) !== 'better-sqlite3') qb.setLock('pessimistic_write');
  return qb.getOne();
}

/** At the close, in its transaction: every stored result of the period is its own version 1. */
export async function writeFirstVersions(em: EntityManager, periodId: number, at: Date): Promise<void> {
  const rows = await em.find(FirmResult, { where: { periodId }, order: { id: 'ASC' } });
  if (!rows.length) return;
  await em.insert(
    FirmResultVersion,
    rows.map((r) => ({
      resultId: r.id,
      version: 1,
      starsX2: r.starsX2,
      composite: r.composite,
      criteria: r.criteria,
      reason: FIRST_VERSION_REASON,
      actorId: null,
      objectionId: null,
      createdAt: at,
    })),
  );
}

/**
 * 公示: a closed (reviewed) period's results become public, marked 公示中 until `days` days from
 * today; residents and each rated firm are told. The firm may object until the last day.
 */
export async function startPublicity(ctx: Pick<ActionContext, 'tx'>, notifier: () => Notifier, p: { periodId: number; days: number; by: number; at: Date }) {
  return ctx.tx(async (em) => {
    const n = notifier();
    const row = await findLockedForUpdate(em, RatingPeriod, p.periodId);
    if (!row) throw notFound('评价期');
    await transition({
      em,
      machine: PERIOD_MACHINE,
      entity: RatingPeriod,
      row,
      action: 'publicize',
      patch: { publicityEndsOn: addDays(localDay(p.at), p.days), updatedAt: p.at },
      at: p.at,
      actorId: p.by,
      data: { days: p.days },
    });
    await announceResults(em, n, row);
    return row;
  });
}

/** Objections of a period not answered yet, read as last committed (the caller holds the period's lock). */
export async function pendingObjections(em: EntityManager, periodId: number): Promise<number> {
  return em.count(RatingObjection, { where: { periodId, status: 'pending' } });
}

/**
 * 定稿: a period in 公示 becomes final once 公示 has ended and every objection is answered. The
 * period row is locked first (a locking read, the transaction's first statement), so an objection
 * lodged at the same moment either committed before — and is counted — or waits and is refused.
 * Run by the admin (`by`) or the timer (null); each rated firm's staff are told.
 */
export async function finalizePeriod(ctx: Pick<ActionContext, 'tx'>, notifier: () => Notifier, p: { periodId: number; by: number | null; at: Date }) {
  return ctx.tx(async (em) => {
    const n = notifier();
    const row = await findLockedForUpdate(em, RatingPeriod, p.periodId);
    if (!row) throw notFound('评价期');
    if (row.status === 'publicity') {
      if (row.publicityEndsOn && localDay(p.at) <= row.publicityEndsOn)
        throw new AppError(ErrorCode.INVALID_TRANSITION, `公示期至${row.publicityEndsOn}结束，公示期满后才能定稿`, { reason: 'PUBLICITY_RUNNING' });
      const pending = await pendingObjections(em, row.id);
      if (pending)
        throw new AppError(ErrorCode.INVALID_TRANSITION, `还有${pending}条异议未答复，全部答复后才能定稿`, { reason: 'OBJECTIONS_PENDING', pending });
    }
    await transition({ em, machine: PERIOD_MACHINE, entity: RatingPeriod, row, action: 'finalize', patch: { updatedAt: p.at }, at: p.at, actorId: p.by });
    await announceFinal(em, n, row);
    return row;
  });
}

/**
 * 申诉: the firm's staff object to one of its results while the period is in 公示 (to its last
 * day), with text and evidence photos (checked by the caller). The period is read under a shared
 * lock, so finalizing waits for an objection in flight and then counts it. The admins are told.
 */
export async function lodgeObjection(
  ctx: Pick<ActionContext, 'tx'>,
  notifier: () => Notifier,
  p: { result: FirmResult; body: string; photoIds: string[]; by: number; at: Date },
): Promise<RatingObjection> {
  return ctx.tx(async (em) => {
    const n = notifier();
    const period = await findLockedShared(em, RatingPeriod, p.result.periodId);
    if (!period || period.status !== 'publicity') throw invalidTransition('只能在结果公示期内提出异议');
    if (period.publicityEndsOn && localDay(p.at) > period.publicityEndsOn) throw invalidTransition(`公示期已于${period.publicityEndsOn}结束，不能再提出异议`);
    const row = await em.save(
      em.create(RatingObjection, {
        periodId: period.id,
        firmId: p.result.firmId,
        resultId: p.result.id,
        body: p.body,
        photoIds: JSON.stringify(p.photoIds),
        status: 'pending' as ObjectionStatus,
        answer: '',
        authorId: p.by,
        answeredById: null,
        answeredAt: null,
        createdAt: p.at,
        updatedAt: p.at,
      }),
    );
    await recordEvent(em, { subjectKind: OBJECTION_MACHINE.name, subjectId: row.id, action: 'lodged', to: 'pending', actorId: p.by, at: p.at });
    await tellObjectionLodged(em, n, row, await usersWithRoleOver(em, ADMIN_ROLES, { streetId: -1, communityId: -1 }), period.code);
    return row;
  });
}

export type CorrectedCriteria = Partial<Record<'organisation' | 'team' | 'service', number>>;

/**
 * A correction, inside the caller's transaction: the result is read with a locking read, its
 * criteria overridden, the composite and the stars made again with the period's frozen weights
 * (criteria without data drop out, no stars below the minimum sample — as at the close), and the
 * next version written beside the old ones (unique per result and version) while the result row
 * moves to it by compare-and-set. Two corrections at once: the second waits for the first's lock
 * and writes the version after it. Only results of a public period (公示 or final) are corrected.
 */
export async function correctResult(
  em: EntityManager,
  notifier: Notifier,
  p: { resultId: number; criteria: CorrectedCriteria; reason: string; by: number; at: Date; objectionId?: number | null },
): Promise<FirmResult> {
  const row = await findLockedForUpdate(em, FirmResult, p.resultId);
  if (!row) throw notFound('评价结果');
  const period = await em.findOne(RatingPeriod, { where: { id: row.periodId } });
  if (!period || !VISIBLE_PERIOD_STATUSES.includes(period.status)) throw invalidTransition('结果公示后才能更正');
  const criteria = { ...(JSON.parse(row.criteria) as Record<Criterion, number | null>) };
  for (const [c, v] of Object.entries(p.criteria)) if (v !== undefined) criteria[c as Criterion] = v;
  const weights = weightsOf(period, row.compoundType);
  const present = Object.values(Criterion).filter((c) => criteria[c] !== null);
  const total = present.length
    ? weighted(criteria as Record<Criterion, number>, Object.fromEntries(present.map((c) => [c, weights[c]])) as Record<Criterion, number>)
    : null;
  const next = {
    starsX2: total !== null && row.sample >= RATING_RULES.minSample ? starsOf(total) * 2 : null,
    composite: total === null ? null : Math.round(total),
    criteria: JSON.stringify(criteria),
  };
  const version = row.version + 1;
  await em.insert(FirmResultVersion, {
    resultId: row.id,
    version,
    ...next,
    reason: p.reason,
    actorId: p.by,
    objectionId: p.objectionId ?? null,
    createdAt: p.at,
  });
  const res = await em.update(FirmResult, { id: row.id, version: row.version }, { ...next, version, correctedAt: p.at });
  if (res.affected !== 1) throw conflict('该结果刚被其他人更正，请刷新后重试');
  await recordEvent(em, { subjectKind: RESULT_SUBJECT, subjectId: row.id, action: 'corrected', actorId: p.by, at: p.at, data: { version, reason: p.reason } });
  await tellResultCorrected(em, notifier, { ...row, ...next, version }, period, p.reason, p.by);
  return Object.assign(row, next, { version, correctedAt: p.at });
}

/**
 * The admin answers an objection: a compare-and-set pending → upheld / rejected with the answer;
 * upholding it corrects the result in the same transaction (a new version naming the objection).
 * Of two answers at once one wins (CONFLICT). The firm's staff are told the answer.
 */
export async function answerObjection(
  ctx: Pick<ActionContext, 'tx'>,
  notifier: () => Notifier,
  p: { objectionId: number; upheld: boolean; answer: string; criteria?: CorrectedCriteria; by: number; at: Date },
): Promise<RatingObjection> {
  return ctx.tx(async (em) => {
    const n = notifier();
    const row = await em.findOne(RatingObjection, { where: { id: p.objectionId } });
    if (!row) throw notFound('异议');
    await transition({
      em,
      machine: OBJECTION_MACHINE,
      entity: RatingObjection,
      row,
      action: p.upheld ? 'uphold' : 'reject',
      patch: { answer: p.answer, answeredById: p.by, answeredAt: p.at, updatedAt: p.at },
      at: p.at,
      actorId: p.by,
      conflictMessage: '该异议已被其他人答复',
    });
    if (p.upheld)
      await correctResult(em, n, {
        resultId: row.resultId,
        criteria: p.criteria ?? {},
        reason: `采纳异议：${p.answer}`,
        by: p.by,
        at: p.at,
        objectionId: row.id,
      });
    await tellObjectionAnswered(em, n, row, p.by);
    return row;
  });
}

/** Every version of a result, oldest first. */
export const versionsOf = (em: EntityManager, resultId: number) => em.find(FirmResultVersion, { where: { resultId }, order: { version: 'ASC' } });

/** Objections by period and/or firms, newest first. */
export function objectionsWhere(em: EntityManager, w: { periodId?: number; firmIds?: number[] }) {
  return em.find(RatingObjection, {
    where: { ...(w.periodId ? { periodId: w.periodId } : {}), ...(w.firmIds ? { firmId: In(w.firmIds) } : {}) },
    order: { id: 'DESC' },
    take: 100,
  });
}
