import { Brackets, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { ESCALATION_LIST_ROLES, ESCALATION_ORDER, LADDER_RUNG, OPEN_NEED_STATUSES, ZLadderRequest, type NeedSummaryDTO, type Page } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { invalidInput } from '../../../core/errors';
import type { Actor } from '../../identity/public';
import { assignmentsOf, SCOPE_COLUMN } from '../../identity/public';
import { Need } from '../need.entity';
import { phaseRows } from './need-page';
import { presentSummaries } from '../need.presenter';
import { decodeCursor, encodeCursor } from '../../../core/cursor';
import { ACCEPT_CLOCK, RESOLVE_CLOCK } from './need-outcome';
import type { Condition } from './work-list';

/** The work list's order: overdue first, then escalated (left the building), then the rest; newest first within each. */
const BUCKETS = ['overdue', 'escalated', 'rest'] as const;
type Bucket = (typeof BUCKETS)[number];

/** The levels a role's list covers: its rung and above; grid workers follow every need that left the building. */
function levelsFor(role: Actor['roles'][number]['role']): readonly string[] {
  const rung = LADDER_RUNG[role];
  return rung ? ESCALATION_ORDER.slice(ESCALATION_ORDER.indexOf(rung)) : ESCALATION_ORDER.slice(1);
}

function inBucket(qb: SelectQueryBuilder<Need>, bucket: Bucket, now: Date): SelectQueryBuilder<Need> {
  const params = { ladderAccept: ACCEPT_CLOCK, ladderResolve: RESOLVE_CLOCK, ladderNow: now };
  if (bucket === 'overdue') {
    return qb.andWhere(
      new Brackets((or) =>
        or
          .where('(n.status IN (:...ladderAccept) AND n.acceptDueAt < :ladderNow)', params)
          .orWhere('(n.status IN (:...ladderResolve) AND n.resolveDueAt < :ladderNow)', params),
      ),
    );
  }
  qb.andWhere(
    new Brackets((or) =>
      or
        .where('(n.status IN (:...ladderAccept) AND (n.acceptDueAt IS NULL OR n.acceptDueAt >= :ladderNow))', params)
        .orWhere('(n.status IN (:...ladderResolve) AND (n.resolveDueAt IS NULL OR n.resolveDueAt >= :ladderNow))', params)
        .orWhere("n.status = 'on_hold'"),
    ),
  );
  return bucket === 'escalated' ? qb.andWhere("n.level <> 'building'") : qb.andWhere("n.level = 'building'");
}

/**
 * What one assignment reaches on the ladder, as SQL on alias `n`: the covered levels under the node
 * the role sits on. The list runs one query per assignment; the badges OR them into one.
 */
export function ladderReach(actor: Actor): Condition[] {
  return assignmentsOf(actor, ESCALATION_LIST_ROLES).map((role, i) => {
    const column = SCOPE_COLUMN[role.scopeLevel];
    return {
      sql: `(n.level IN (:...levels${i})${column ? ` AND n.${column} = :scope${i}` : ''})`,
      params: { [`levels${i}`]: levelsFor(role.role), ...(column ? { [`scope${i}`]: role.scopeId } : {}) },
    };
  });
}

/** One query per assignment: open needs on the covered levels under the node the role sits on. */
function branches(em: EntityManager, actor: Actor, bucket: Bucket, now: Date): SelectQueryBuilder<Need>[] {
  return ladderReach(actor).map((reach) => {
    const qb = em.createQueryBuilder(Need, 'n').where('n.status IN (:...ladderOpen)', { ladderOpen: OPEN_NEED_STATUSES }).andWhere(reach.sql, reach.params);
    return inBucket(qb, bucket, now);
  });
}

/** `<bucket index>.<need-page cursor>`: where the previous page stopped. */
function decode(cursor: string | undefined): { bucket: number; inner: string | undefined } {
  if (!cursor) return { bucket: 0, inner: undefined };
  const m = /^([0-2])\.([A-Za-z0-9_-]*)$/.exec(cursor);
  if (!m) throw invalidInput('cursor', '分页游标无效');
  return { bucket: Number(m[1]), inner: m[2] || undefined };
}

/**
 * 升级待办: the open needs that reached the caller's rung of the ladder, in their scope — a building
 * head's whole building, a compound head's needs at 小区 or above, community staff's at 社区 or above,
 * street staff's at 街道; grid workers follow every need in their grid that left the building.
 * Overdue first (by the real SLA deadline), then escalated, then the rest, newest first within each;
 * the parts' candidates are read in one statement (phaseRows), and the cursor remembers which part
 * the page ended in.
 */
export const listLadder = defineAction({
  input: ZLadderRequest,
  async handler({ overdue, cursor, limit = 20 }, { actor, ds }): Promise<Page<NeedSummaryDTO>> {
    const em = ds.manager;
    const now = clock.now();
    const start = decode(cursor);
    const last = overdue ? 0 : BUCKETS.length - 1;
    const phases = BUCKETS.slice(0, last + 1).map((bucket) => branches(em, actor, bucket, now));
    if (!phases[0].length) return { items: [], nextCursor: null };
    // Every bucket's candidates in one statement (each bucket's branches read limit + 1 rows).
    const { byPhase, categories } = await phaseRows(em, phases, start.bucket, decodeCursor(start.inner), limit);
    const page: Need[] = [];
    for (let b = start.bucket; b <= last; b++) {
      const want = limit - page.length;
      const rows = byPhase[b];
      page.push(...rows.slice(0, want));
      // More in this bucket: continue after the last row shown (or from its top when none fitted).
      if (rows.length > want)
        return { items: await presentSummaries(em, page, now, categories), nextCursor: `${b}.${want > 0 ? encodeCursor(page[page.length - 1].id) : ''}` };
    }
    return { items: await presentSummaries(em, page, now, categories), nextCursor: null };
  },
});
