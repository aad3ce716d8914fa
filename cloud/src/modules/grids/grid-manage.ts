import type { EntityManager } from 'typeorm';
import { forbidden, notFound } from '../../core/errors';
import type { Actor } from '../identity/public';
import { Grid } from './entities';
import { gridPath, managesGrids } from './grid.policy';

/** The grid for a change by community staff: NOT_FOUND when the caller cannot see it, FORBIDDEN when they only read it. */
export async function managedGrid(em: EntityManager, actor: Actor, gridId: number): Promise<Grid> {
  const grid = await em.findOne(Grid, { where: { id: gridId } });
  if (!grid) throw notFound('网格');
  if (!managesGrids(actor, gridPath(grid))) throw forbidden('只有本社区的工作人员可以调整网格');
  return grid;
}
