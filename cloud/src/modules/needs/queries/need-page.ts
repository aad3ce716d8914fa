import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { NeedSummaryDTO, Page } from '@hg/types';
import { clock } from '../../../core/clock';
import { decodeCursor, encodeCursor } from '../../../core/cursor';
import { invalidInput } from '../../../core/errors';
import { presentSummaries } from '../need.presenter';
import type { Need } from '../need.entity';

/**
 * The newest `limit + 1` rows below `after` of the union of several queries. Each branch reads
 * at most limit + 1 rows down its own index range (…, id); the top limit + 1 of the union is
 * always among them. A single `a = ? OR b IN (…)` query could not walk one index in id order
 * and would sort every match. Branches alias the need as `n`.
 */
async function unionRows(branches: SelectQueryBuilder<Need>[], after: number | null, limit: number): Promise<Need[]> {
  const results = await Promise.all(
    branches.map((qb) => {
      if (after) qb.andWhere('n.id < :after', { after });
      return qb
        .orderBy('n.id', 'DESC')
        .limit(limit + 1)
        .getMany();
    }),
  );
  const unique = new Map<number, Need>();
  for (const row of results.flat()) unique.set(row.id, row);
  return [...unique.values()].sort((a, b) => b.id - a.id).slice(0, limit + 1);
}

/** One keyset page (newest first) over the union of several queries — the OR of an actor's scopes. */
export async function needPage(
  em: EntityManager,
  branches: SelectQueryBuilder<Need>[],
  cursor: string | undefined,
  limit: number,
): Promise<Page<NeedSummaryDTO>> {
  const rows = await unionRows(branches, decodeCursor(cursor), limit);
  const page = rows.slice(0, limit);
  return {
    items: await presentSummaries(em, page, clock.now()),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
  };
}

const encodePhase = (phase: number, after: number | null) => Buffer.from(`p${phase}:${after ?? 0}`).toString('base64url');
function decodePhase(cursor: string | undefined, phases: number): { phase: number; after: number | null } {
  if (!cursor) return { phase: 0, after: null };
  const m = /^p(\d):(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m || Number(m[1]) >= phases) throw invalidInput('cursor', '分页游标无效');
  return { phase: Number(m[1]), after: Number(m[2]) || null };
}

/**
 * A keyset page over groups shown one after the other — 待处理 lists the overdue and escalated
 * needs first, then the rest — each group newest first. Groups must not overlap; each is a union
 * of branches as in needPage, built afresh per call. The cursor carries the group and the last id.
 */
export async function phasedNeedPage(
  em: EntityManager,
  phases: (() => SelectQueryBuilder<Need>[])[],
  cursor: string | undefined,
  limit: number,
): Promise<Page<NeedSummaryDTO>> {
  const start = decodePhase(cursor, phases.length);
  const page: Need[] = [];
  let nextCursor: string | null = null;
  for (let p = start.phase; p < phases.length && nextCursor === null; p++) {
    const want = limit - page.length;
    const rows = await unionRows(phases[p](), p === start.phase ? start.after : null, want);
    page.push(...rows.slice(0, want));
    // More in this group: continue after the last row shown (or from its top when none fitted).
    if (rows.length > want) nextCursor = encodePhase(p, want > 0 ? page[page.length - 1].id : null);
  }
  return { items: await presentSummaries(em, page, clock.now()), nextCursor };
}
