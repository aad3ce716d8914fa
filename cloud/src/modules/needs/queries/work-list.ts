import type { SelectQueryBuilder } from 'typeorm';
import { needNumberOf, OPEN_NEED_STATUSES, type NeedStatus } from '@hg/types';
import type { Need } from '../need.entity';

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

/**
 * 搜索: "#123" or "123" finds that need by number; anything else, needs whose description
 * contains the words. Always inside the caller's scope (the branch already filters on it). The
 * LIKE '%…%' scans the scope's rows, which the scope index keeps to one community's needs.
 */
export function applySearch(qb: SelectQueryBuilder<Need>, q: string | undefined): void {
  const text = q?.trim();
  if (!text) return;
  const number = needNumberOf(text);
  if (number !== null) qb.andWhere('n.id = :wlId', { wlId: number });
  // '!' as the escape character: a backslash means different things in MySQL and SQLite literals.
  else qb.andWhere("n.description LIKE :wlText ESCAPE '!'", { wlText: containsPattern(text) });
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
