import type { EntityManager } from 'typeorm';
import { GRID_KIND_LABEL, type GridDTO } from '@hg/types/grids';
import { buildingsByIds, communitiesByIds, compoundsByIds, unitsByIds } from '../community/public';
import { assignmentsOfGrids, coverageOfGrids, maskPhone, usersById, type Actor } from '../identity/public';
import type { Grid } from './entities';
import { gridPath, managesGrids } from './grid.policy';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Names of buildings and units as people say them: 锦屏花园 3栋2单元. */
export async function placeNamesOf(em: EntityManager, places: readonly { buildingId: number; unitId: number }[]): Promise<(p: { buildingId: number; unitId: number }) => string> {
  const buildings = await buildingsByIds(em, places.map((p) => p.buildingId));
  const units = await unitsByIds(em, places.map((p) => p.unitId));
  const compounds = await compoundsByIds(em, [...buildings.values()].map((b) => b.compoundId));
  return (p) => {
    const b = buildings.get(p.buildingId);
    if (!b) return '';
    const c = compounds.get(b.compoundId);
    const u = p.unitId ? units.get(p.unitId) : null;
    return `${c ? `${c.name} ` : ''}${b.name}${u ? u.name : ''}`;
  };
}

/** Grids with their coverage and workers (live and ended), in a fixed number of queries. */
export async function presentGrids(em: EntityManager, actor: Actor, grids: readonly Grid[], workerGridIds: ReadonlySet<number> = new Set()): Promise<GridDTO[]> {
  const ids = grids.map((g) => g.id);
  const [coverage, workers, communities] = await Promise.all([coverageOfGrids(em, ids), assignmentsOfGrids(em, ids), communitiesByIds(em, grids.map((g) => g.communityId))]);
  const people = await usersById(em, workers.map((w) => w.userId));
  const nameOf = await placeNamesOf(em, coverage);
  return grids.map((g) => {
    const manage = managesGrids(actor, gridPath(g));
    return {
      id: g.id,
      communityId: g.communityId,
      communityName: communities.get(g.communityId)?.name ?? '',
      kind: g.kind,
      kindLabel: GRID_KIND_LABEL[g.kind],
      name: g.name,
      coverage: coverage
        .filter((c) => c.gridId === g.id)
        .map((c) => ({ id: c.id, buildingId: c.buildingId, unitId: c.unitId, placeName: nameOf(c), addedAt: c.addedAt.toISOString(), endedAt: iso(c.endedAt), endReason: c.endReason })),
      workers: workers
        .filter((w) => w.gridId === g.id)
        .map((w) => {
          const u = people.get(w.userId);
          return {
            id: w.id,
            userId: w.userId,
            name: u?.name ?? '',
            phone: u?.phone && manage ? maskPhone(u.phone) : null,
            assignedAt: w.assignedAt.toISOString(),
            note: w.note,
            endedAt: iso(w.endedAt),
            endReason: w.endReason,
          };
        }),
      can: [...(manage ? (['manage'] as const) : []), ...(workerGridIds.has(g.id) ? (['visit'] as const) : [])],
    };
  });
}
