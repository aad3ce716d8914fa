import type { EntityManager } from 'typeorm';
import { compoundsByIds } from '../community/public';
import { householdPlaces } from '../households/public';

export interface HouseholdAt {
  id: number;
  communityId: number;
  buildingId: number;
  unitId: number;
}

/** Where households are (community, building, unit), in two batched reads through the owners' surfaces. */
export async function householdsByIds(em: EntityManager, ids: readonly number[]): Promise<Map<number, HouseholdAt>> {
  const places = await householdPlaces(em, ids);
  const compounds = await compoundsByIds(em, [...places.values()].map((p) => p.compound.id));
  const out = new Map<number, HouseholdAt>();
  for (const [id, p] of places) {
    const c = compounds.get(p.compound.id);
    if (c) out.set(id, { id, communityId: c.communityId, buildingId: p.building.id, unitId: p.unit.id });
  }
  return out;
}
