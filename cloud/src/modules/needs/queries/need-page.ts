import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { NeedSummaryDTO, Page } from '@hg/types';
import { clock } from '../../../core/clock';
import { decodeCursor, encodeCursor } from '../../../core/cursor';
import { presentSummaries } from '../need.presenter';
import type { Need } from '../need.entity';

/**
 * One keyset page (newest first) over the union of several queries — the OR of an actor's scopes
 * ("my org in my community, or assigned to me"). Each branch reads at most limit + 1 rows down
 * its own index range (…, id); the top limit + 1 of the union is always among them. A single
 * `a = ? OR b IN (…)` query could not walk one index in id order and would sort every match.
 * Branches alias the need as `n`.
 */
export async function needPage(
  em: EntityManager,
  branches: SelectQueryBuilder<Need>[],
  cursor: string | undefined,
  limit: number,
): Promise<Page<NeedSummaryDTO>> {
  const after = decodeCursor(cursor);
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
  const rows = [...unique.values()].sort((a, b) => b.id - a.id).slice(0, limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: await presentSummaries(em, page, clock.now()),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
  };
}
