import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { NEED_SEARCH_RULES, needNumberOf, OPEN_NEED_STATUSES, type NeedStatus } from '@hg/types';
import { Need } from '../need.entity';

/** Waiting for a receiver (accept clock) / being worked on (resolve clock). */
export const ACCEPT_CLOCK: NeedStatus[] = ['submitted', 'dispatched', 'open_for_claim'];
export const RESOLVE_CLOCK: NeedStatus[] = ['accepted', 'in_progress'];

/** A SQL condition on alias `n` with its parameters; never NULL, so it may be negated. */
export interface Condition {
  sql: string;
  params: Record<string, unknown>;
}

/** The need's current clock ran out (the same rule as the presenter's `overdue` and `dueAt`). */
export function overdueCondition(now: Date): Condition {
  return {
    sql:
      '((n.status IN (:...wlAcceptClock) AND n.acceptDueAt IS NOT NULL AND n.acceptDueAt < :wlNow)' +
      ' OR (n.status IN (:...wlResolveClock) AND n.resolveDueAt IS NOT NULL AND n.resolveDueAt < :wlNow))',
    params: { wlAcceptClock: ACCEPT_CLOCK, wlResolveClock: RESOLVE_CLOCK, wlNow: now },
  };
}

/** Open, and overdue or escalated to one of `levels`: what a work list shows first. */
export function urgentCondition(now: Date, levels: readonly string[]): Condition {
  const overdue = overdueCondition(now);
  const escalated = levels.length ? ' OR n.level IN (:...wlLevels)' : '';
  return {
    sql: `(n.status IN (:...wlOpen) AND (${overdue.sql}${escalated}))`,
    params: { ...overdue.params, wlOpen: OPEN_NEED_STATUSES, ...(levels.length ? { wlLevels: [...levels] } : {}) },
  };
}

/** LIKE pattern for "contains `text`", with %, _ and the escape character itself escaped. */
const containsPattern = (text: string) => `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;

const DAY_MS = 24 * 3600 * 1000;
/**
 * The id bound is the newest need filed more than this before the window's start. Any need
 * inside the window was truly filed after it as long as instances' clocks disagree by less than
 * half of this, so the bound never hides a need; which needs match is decided by `createdAt`.
 */
const ID_BOUND_MARGIN_MS = DAY_MS;

/**
 * Which needs a text search covers: those filed since `since` (the last searchWindowDays), or,
 * with 搜索更早, those filed before it. `afterId` bounds the index walk of the recent window: every
 * need filed since `since` has a larger id, so a list walking (scope, id) downward stops there
 * instead of reading the scope's whole history. One backward seek on IX_needs_createdAt finds it.
 */
export interface SearchWindow {
  since: Date;
  older: boolean;
  /** 0: no need is older than the bound (the whole history is short). */
  afterId: number;
}

/** The window of a text search (null for no search or a search by need number). One statement. */
export async function searchWindow(em: EntityManager, q: string | undefined, older: boolean | undefined, now: Date): Promise<SearchWindow | null> {
  const text = q?.trim();
  if (!text || needNumberOf(text) !== null) return null;
  const since = new Date(now.getTime() - NEED_SEARCH_RULES.searchWindowDays * DAY_MS);
  if (older) return { since, older: true, afterId: 0 };
  const before = await em
    .createQueryBuilder(Need, 'w')
    .select('w.id', 'id')
    .where('w.createdAt < :bound', { bound: new Date(since.getTime() - ID_BOUND_MARGIN_MS) })
    .orderBy('w.createdAt', 'DESC')
    .limit(1)
    .getRawOne<{ id: number | string }>();
  return { since, older: false, afterId: before ? Number(before.id) : 0 };
}

/**
 * 搜索: "#123" or "123" finds that need by number, at any age; anything else, needs whose
 * description contains the words, inside the search window (`searchWindow`). Always inside the
 * caller's scope (the branch already filters on it). The LIKE '%…%' reads only the window's rows:
 * the id bound stops the scope's index walk at the window's first need.
 */
export function applySearch(qb: SelectQueryBuilder<Need>, q: string | undefined, window: SearchWindow | null): void {
  const text = q?.trim();
  if (!text) return;
  const number = needNumberOf(text);
  if (number !== null) {
    qb.andWhere('n.id = :wlId', { wlId: number });
    return;
  }
  // '!' as the escape character: a backslash means different things in MySQL and SQLite literals.
  qb.andWhere("n.description LIKE :wlText ESCAPE '!'", { wlText: containsPattern(text) });
  if (!window) return;
  if (window.older) qb.andWhere('n.createdAt < :wlSince', { wlSince: window.since });
  else qb.andWhere('n.createdAt >= :wlSince', { wlSince: window.since }).andWhere('n.id > :wlAfterId', { wlAfterId: window.afterId });
}

/** Rows of a `GROUP BY n.status` count with the number of urgent rows in each status. */
export interface StatusCount {
  status: NeedStatus;
  total: number;
  urgent: number;
}

/**
 * Rows per status and, when `urgent` is given, how many of each are urgent. Two grouped queries
 * on purpose: the totals touch only (communityId, status), so `IX_needs_communityId_status_id`
 * answers them without reading a row; the urgent count needs deadlines and level, so it reads
 * rows, but only the open ones (a few hundred of a community's tens of thousands). One query with
 * `SUM(CASE …)` read every row of the scope: 1.5 s at 25,000 needs a community on MariaDB
 * (docs/benchmarks.md, Needs). `base` builds the scope and filters afresh for each query.
 */
export async function countByStatus(base: () => SelectQueryBuilder<Need>, urgent?: Condition): Promise<StatusCount[]> {
  const totals = await base()
    .select('n.status', 'status')
    .addSelect('COUNT(*)', 'total')
    .groupBy('n.status')
    .getRawMany<{ status: NeedStatus; total: string | number }>();
  const urgentBy = new Map<string, number>();
  if (urgent) {
    const rows = await base()
      .andWhere('n.status IN (:...wlOpenOnly)', { wlOpenOnly: OPEN_NEED_STATUSES })
      .andWhere(urgent.sql, urgent.params)
      .select('n.status', 'status')
      .addSelect('COUNT(*)', 'urgent')
      .groupBy('n.status')
      .getRawMany<{ status: NeedStatus; urgent: string | number }>();
    for (const r of rows) urgentBy.set(r.status, Number(r.urgent));
  }
  return totals.map((r) => ({ status: r.status, total: Number(r.total), urgent: urgentBy.get(r.status) ?? 0 }));
}

/** Sum of the counts of these statuses (null: all). */
export function sumOf(counts: StatusCount[], statuses: readonly NeedStatus[] | null, key: 'total' | 'urgent' = 'total'): number {
  return counts.filter((c) => !statuses || statuses.includes(c.status)).reduce((sum, c) => sum + c[key], 0);
}
