import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { NeedSummaryDTO, Page } from '@hg/types';
import { clock } from '../../../core/clock';
import { decodeCursor, encodeCursor } from '../../../core/cursor';
import { invalidInput } from '../../../core/errors';
import { presentSummaries } from '../need.presenter';
import { NeedCategory } from '../need-category.entity';
import { Need } from '../need.entity';

/** A row of the union statement back into an entity: its columns under `alias_`, as TypeORM selects them. */
function hydrate<T extends object>(em: EntityManager, entity: new () => T, alias: string, raw: Record<string, unknown>): T {
  const row = new entity();
  for (const column of em.connection.getMetadata(entity).columns)
    column.setEntityValue(row, em.connection.driver.prepareHydratedValue(raw[`${alias}_${column.databaseName}`], column));
  return row;
}

/** Rows of each phase (newest first, no duplicates) and the categories they refer to. */
export interface PhaseRows {
  byPhase: Need[][];
  categories: Map<number, NeedCategory>;
}

/**
 * For each phase from `from` on, the newest `limit + 1` rows of the union of its branches (below
 * `after` in phase `from`), each need with its category — in ONE statement. Each branch reads at
 * most limit + 1 rows down its own index range (…, id), so the top limit + 1 of a phase's union is
 * always among them; a single `a = ? OR b IN (…)` query could not walk one index in id order and
 * would sort every match. The branches are wrapped as derived tables, UNION ALL, so each keeps
 * its ORDER BY … LIMIT on MySQL and SQLite alike. Branches alias the need as `n`.
 */
export async function phaseRows(em: EntityManager, phases: SelectQueryBuilder<Need>[][], from: number, after: number | null, limit: number): Promise<PhaseRows> {
  const byPhase: Need[][] = phases.map(() => []);
  const categories = new Map<number, NeedCategory>();
  const q = (name: string) => em.connection.driver.escape(name);
  const members: string[] = [];
  const params: unknown[] = [];
  phases.forEach((branches, p) => {
    if (p < from) return;
    for (const qb of branches) {
      if (p === from && after) qb.andWhere('n.id < :after', { after });
      qb.innerJoinAndSelect(NeedCategory, 'pc', 'pc.id = n.categoryId')
        .orderBy('n.id', 'DESC')
        .limit(limit + 1);
      const [sql, ps] = qb.getQueryAndParameters();
      const name = `b${members.length}`;
      members.push(`SELECT ${p} AS ${q('hg_phase')}, ${name}.* FROM (${sql}) ${name}`);
      params.push(...ps);
    }
  });
  if (!members.length) return { byPhase, categories };
  const raws: Record<string, unknown>[] = await em.query(members.join(' UNION ALL '), params);
  const seen = phases.map(() => new Map<number, Need>());
  for (const raw of raws) {
    const need = hydrate(em, Need, 'n', raw);
    seen[Number(raw.hg_phase)].set(need.id, need);
    if (!categories.has(need.categoryId)) categories.set(need.categoryId, hydrate(em, NeedCategory, 'pc', raw));
  }
  seen.forEach((rows, p) => (byPhase[p] = [...rows.values()].sort((a, b) => b.id - a.id).slice(0, limit + 1)));
  return { byPhase, categories };
}

/** One keyset page (newest first) over the union of several queries — the OR of an actor's scopes. */
export async function needPage(
  em: EntityManager,
  branches: SelectQueryBuilder<Need>[],
  cursor: string | undefined,
  limit: number,
): Promise<Page<NeedSummaryDTO>> {
  const { byPhase, categories } = await phaseRows(em, [branches], 0, decodeCursor(cursor), limit);
  const rows = byPhase[0];
  const page = rows.slice(0, limit);
  return {
    items: await presentSummaries(em, page, clock.now(), categories),
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
  // Every group's candidates in one statement: a group reads limit + 1 rows whether or not the
  // groups before it fill the page.
  const { byPhase, categories } = await phaseRows(
    em,
    phases.map((build) => build()),
    start.phase,
    start.after,
    limit,
  );
  const page: Need[] = [];
  let nextCursor: string | null = null;
  for (let p = start.phase; p < phases.length && nextCursor === null; p++) {
    const want = limit - page.length;
    const rows = byPhase[p];
    page.push(...rows.slice(0, want));
    // More in this group: continue after the last row shown (or from its top when none fitted).
    if (rows.length > want) nextCursor = encodePhase(p, want > 0 ? page[page.length - 1].id : null);
  }
  return { items: await presentSummaries(em, page, clock.now(), categories), nextCursor };
}
