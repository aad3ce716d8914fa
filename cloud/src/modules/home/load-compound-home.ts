import type { EntityManager } from 'typeorm';
import type { CompoundHomeDTO } from '@hg/types';
import { notFound } from '../../core/errors';
import { communityRepo, presentCompoundSummary, presentOrg } from '../community/public';
import { nextSittings } from '../bookings/public';
import { householdCounts } from '../households/public';
import { latestFirmRating } from '../ratings/public';
import { clock } from '../../core/clock';

/** Shared by resolveScene and getCompound: the public face of a compound. */
export async function loadCompoundHome(em: EntityManager, compoundId: number, building: { id: number; name: string } | null = null): Promise<CompoundHomeDTO> {
  const compound = await communityRepo.compound(em, compoundId);
  if (!compound) throw notFound('小区');
  const [community, street, orgs, buildingCount, counts, careCentres, firmRating] = await Promise.all([
    communityRepo.community(em, compound.communityId),
    communityRepo.street(em, compound.streetId),
    communityRepo.organisationsServing(em, compound),
    communityRepo.buildingCount(em, compound.id),
    householdCounts(em, compound.id),
    nextSittings(em, compound.id, clock.now()),
    compound.propertyOrgId ? latestFirmRating(em, compound.propertyOrgId, compound.type) : Promise.resolve(null),
  ]);
  if (!community || !street) throw notFound('小区');
  return {
    ...presentCompoundSummary(compound, community, street),
    address: compound.address,
    propertyFirm: orgs.propertyFirm ? presentOrg(orgs.propertyFirm) : null,
    services: orgs.services.map(presentOrg),
    buildingCount,
    householdCount: counts.households,
    verifiedHouseholdCount: counts.verifiedHouseholds,
    building: building ? { id: building.id, name: building.name } : null,
    careCentres,
    firmRating,
  };
}
