import type { EntityManager } from 'typeorm';
import { notFound } from '../../core/errors';
import type { Actor } from '../identity/public';
import { Grid, GridVisit } from './entities';
import { gridPath, readsGrids } from './grid.policy';

/** A visit its worker or the staff over its grid may see; NOT_FOUND for anyone else. */
export async function visibleVisit(em: EntityManager, actor: Actor, visitId: number): Promise<{ visit: GridVisit; grid: Grid }> {
  const visit = await em.findOne(GridVisit, { where: { id: visitId } });
  const grid = visit ? await em.findOne(Grid, { where: { id: visit.gridId } }) : null;
  if (!visit || !grid || !(visit.workerId === actor.userId || readsGrids(actor, gridPath(grid)))) throw notFound('走访记录');
  return { visit, grid };
}
