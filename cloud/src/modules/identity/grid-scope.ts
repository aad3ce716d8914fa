import { In, IsNull, type EntityManager } from 'typeorm';
import { conflict, isUniqueViolation } from '../../core/errors';
import { GridAssignment, GridCoverage } from './grid-scope.entity';

/**
 * The red grids as the scope rule reads them, and the only writer of their coverage and worker
 * rows. The grids module decides who may change a grid and checks the places; these functions
 * write in its transaction. Ended rows stay as history.
 */

/** A building (unitId 0) or a unit in a grid. */
export interface GridPlace {
  buildingId: number;
  unitId: number;
}

/**
 * What a grid worker reaches, read with the actor: the communities that have drawn grids (any live
 * coverage) and, there, the places of the grids the worker is on now. A community without grids
 * is not narrowed (its grid workers act across it, as before grids were drawn).
 */
export interface GridReach {
  drawn: number[];
  places: GridPlace[];
}

export interface CoverageRecord extends GridPlace {
  id: number;
  gridId: number;
  communityId: number;
  addedById: number;
  addedAt: Date;
  endedAt: Date | null;
  endedById: number | null;
  endReason: string | null;
}

export interface GridAssignmentRecord {
  id: number;
  gridId: number;
  communityId: number;
  userId: number;
  assignedById: number;
  assignedAt: Date;
  note: string | null;
  endedAt: Date | null;
  endedById: number | null;
  endReason: string | null;
}

const coverageRecord = (r: GridCoverage): CoverageRecord => ({
  id: r.id,
  gridId: r.gridId,
  communityId: r.communityId,
  buildingId: r.buildingId,
  unitId: r.unitId,
  addedById: r.addedById,
  addedAt: r.addedAt,
  endedAt: r.endedAt,
  endedById: r.endedById,
  endReason: r.endReason,
});

const assignmentRecord = (r: GridAssignment): GridAssignmentRecord => ({
  id: r.id,
  gridId: r.gridId,
  communityId: r.communityId,
  userId: r.userId,
  assignedById: r.assignedById,
  assignedAt: r.assignedAt,
  note: r.note,
  endedAt: r.endedAt,
  endedById: r.endedById,
  endReason: r.endReason,
});

/**
 * One statement: the live coverage of the given communities, each row flagged when the worker is
 * on its grid now. Called by the actor resolver for holders of the grid worker role only.
 */
export async function readGridReach(em: EntityManager, userId: number, communityIds: readonly number[]): Promise<GridReach> {
  if (!communityIds.length) return { drawn: [], places: [] };
  const rows = await em
    .createQueryBuilder(GridCoverage, 'c')
    .leftJoin(GridAssignment, 'a', 'a.gridId = c.gridId AND a.userId = :userId AND a.endedAt IS NULL', { userId })
    .select('c.communityId', 'communityId')
    .addSelect('c.buildingId', 'buildingId')
    .addSelect('c.unitId', 'unitId')
    .addSelect('a.id', 'mine')
    .where('c.communityId IN (:...communityIds) AND c.endedAt IS NULL', { communityIds })
    .getRawMany<{ communityId: number | string; buildingId: number | string; unitId: number | string; mine: number | string | null }>();
  return {
    drawn: [...new Set(rows.map((r) => Number(r.communityId)))],
    places: rows.filter((r) => r.mine !== null).map((r) => ({ buildingId: Number(r.buildingId), unitId: Number(r.unitId) })),
  };
}

/** Add a building (unitId 0) or unit to a grid. Already covered by that grid → CONFLICT (the unique key decides a race). */
export async function addGridCoverage(
  em: EntityManager,
  c: { gridId: number; communityId: number; buildingId: number; unitId: number; byId: number; at: Date },
): Promise<CoverageRecord> {
  const row = em.create(GridCoverage, {
    gridId: c.gridId,
    communityId: c.communityId,
    buildingId: c.buildingId,
    unitId: c.unitId,
    active: 1,
    addedById: c.byId,
    addedAt: c.at,
    endedAt: null,
    endedById: null,
    endReason: null,
  });
  try {
    await em.insert(GridCoverage, row);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('该网格已包含这个楼栋或单元');
    throw err;
  }
  return coverageRecord(row);
}

/** End a live coverage row (kept as history). False when it was not live (already ended, or another grid's). */
export async function endGridCoverage(em: EntityManager, e: { id: number; gridId: number; byId: number; at: Date; reason: string }): Promise<boolean> {
  const res = await em.update(
    GridCoverage,
    { id: e.id, gridId: e.gridId, endedAt: IsNull() },
    { active: null, endedAt: e.at, endedById: e.byId, endReason: e.reason },
  );
  return (res.affected ?? 0) === 1;
}

/** Put a worker on a grid. Already on it → CONFLICT (one live row per worker and grid, by the unique key). */
export async function assignToGrid(
  em: EntityManager,
  a: { gridId: number; communityId: number; userId: number; byId: number; at: Date; note: string | null },
): Promise<GridAssignmentRecord> {
  const row = em.create(GridAssignment, {
    gridId: a.gridId,
    communityId: a.communityId,
    userId: a.userId,
    active: 1,
    assignedById: a.byId,
    assignedAt: a.at,
    note: a.note,
    endedAt: null,
    endedById: null,
    endReason: null,
  });
  try {
    await em.insert(GridAssignment, row);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('该网格员已在这个网格中');
    throw err;
  }
  return assignmentRecord(row);
}

/** End a worker's live assignment (kept as history). False when it was not live. */
export async function endGridAssignment(em: EntityManager, e: { id: number; gridId: number; byId: number; at: Date; reason: string }): Promise<boolean> {
  const res = await em.update(
    GridAssignment,
    { id: e.id, gridId: e.gridId, endedAt: IsNull() },
    { active: null, endedAt: e.at, endedById: e.byId, endReason: e.reason },
  );
  return (res.affected ?? 0) === 1;
}

/** Coverage rows of these grids, live and ended, oldest first. */
export async function coverageOfGrids(em: EntityManager, gridIds: readonly number[]): Promise<CoverageRecord[]> {
  if (!gridIds.length) return [];
  return (await em.find(GridCoverage, { where: { gridId: In([...gridIds]) }, order: { id: 'ASC' } })).map(coverageRecord);
}

/** Worker rows of these grids, live and ended, oldest first. */
export async function assignmentsOfGrids(em: EntityManager, gridIds: readonly number[]): Promise<GridAssignmentRecord[]> {
  if (!gridIds.length) return [];
  return (await em.find(GridAssignment, { where: { gridId: In([...gridIds]) }, order: { id: 'ASC' } })).map(assignmentRecord);
}

/** The grids a worker is on now. */
export async function liveGridsOf(em: EntityManager, userId: number): Promise<number[]> {
  return (await em.find(GridAssignment, { where: { userId, endedAt: IsNull() }, order: { gridId: 'ASC' } })).map((a) => a.gridId);
}

/** Is the worker on this grid now? */
export async function isOnGrid(em: EntityManager, userId: number, gridId: number): Promise<boolean> {
  return em.exists(GridAssignment, { where: { userId, gridId, endedAt: IsNull() } });
}
