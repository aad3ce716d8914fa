import type { EntityManager } from 'typeorm';
import { STAFF_ROLES } from '@hg/types';
import { holdsRoleOver, isOnGrid, type Actor, type ScopePath } from '../identity/public';
import type { Grid } from './entities';

/**
 * Who may do what with a grid. Community staff draw their community's grids, change what they
 * cover and who works them; street staff and the city read them. A grid worker works the grids
 * they are on now (identity's grid_assignments), and only the places those grids cover.
 */
export const gridPath = (g: Pick<Grid, 'streetId' | 'communityId'>): ScopePath => ({ streetId: g.streetId, communityId: g.communityId });

/** 社区工作人员 of the grid's community (or the street / city above): draws grids and assigns workers. */
export const managesGrids = (actor: Actor, path: ScopePath): boolean => holdsRoleOver(actor, ['community_staff'], path);

/** Staff who read a community's grids and its workers' visits. */
export const readsGrids = (actor: Actor, path: ScopePath): boolean => holdsRoleOver(actor, STAFF_ROLES, path);

/** A grid worker of the grid's community who is on the grid now. */
export async function worksGrid(em: EntityManager, actor: Actor, grid: Pick<Grid, 'id' | 'streetId' | 'communityId'>): Promise<boolean> {
  const inCommunity = actor.roles.some((r) => r.role === 'grid_worker' && r.scopeLevel === 'community' && r.scopeId === grid.communityId);
  return inCommunity && isOnGrid(em, actor.userId, grid.id);
}
