import type { EntityManager } from 'typeorm';
import { notFound } from '../../core/errors';
import type { Actor } from '../identity/public';
import { Grid } from './entities';
import { gridPath, readsGrids, worksGrid } from './grid.policy';

/** The grid if the caller may see it (staff over its community, or a worker on it); NOT_FOUND otherwise, so its existence does not leak. */
export async function visibleGrid(em: EntityManager, actor: Actor, gridId: number): Promise<Grid> {
  const grid = await em.findOne(Grid, { where: { id: gridId } });
  if (!grid || !(readsGrids(actor, gridPath(grid)) || (await worksGrid(em, actor, grid)))) throw notFound('网格');
  return grid;
}
