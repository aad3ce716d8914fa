import type { EntityManager } from 'typeorm';
import { invalidInput } from '../../core/errors';
import { buildingsByIds } from '../community/public';
import { householdById } from '../households/public';
import { coverageOfGrids } from '../identity/public';
import type { Grid } from './entities';

/**
 * Where a visit was made, inside the grid as it covers places now: a household of a covered
 * building or unit, or a covered building (a whole building, or one with a covered unit, for a
 * 集中 visit in its public area). Anything else is INVALID_INPUT on the field that named it.
 */
export async function visitPlace(
  em: EntityManager,
  grid: Grid,
  at: { householdId?: number; buildingId?: number },
): Promise<{ householdId: number | null; buildingId: number; unitId: number }> {
  const live = (await coverageOfGrids(em, [grid.id])).filter((c) => c.endedAt === null);
  if (at.householdId !== undefined) {
    const home = await householdById(em, at.householdId);
    const inside = !!home && live.some((c) => c.buildingId === home.buildingId && (c.unitId === 0 || c.unitId === home.unitId));
    if (!home || !inside) throw invalidInput('householdId', '该住户不在这个网格内');
    return { householdId: home.id, buildingId: home.buildingId, unitId: home.unitId };
  }
  const buildingId = at.buildingId!;
  const building = (await buildingsByIds(em, [buildingId])).get(buildingId);
  if (!building || !live.some((c) => c.buildingId === buildingId)) throw invalidInput('buildingId', '该楼栋不在这个网格内');
  return { householdId: null, buildingId, unitId: 0 };
}
