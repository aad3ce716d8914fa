import type { EntityManager } from 'typeorm';
import { Building } from './building.entity';
import { Community } from './community.entity';
import { Compound } from './compound.entity';
import { OrganisationCompound } from './organisation-compound.entity';
import { Organisation } from './organisation.entity';
import { Street } from './street.entity';
import { Unit } from './unit.entity';

/**
 * Setting up a city's hierarchy and organisations (the demo city; an import from the civil
 * affairs register would do the same), top down. Each returns the new row's id for the next
 * level. Run inside the caller's transaction.
 */

/** Is there a street of this name? (The demo city is seeded once.) */
export async function streetExists(em: EntityManager, name: string): Promise<boolean> {
  return em.exists(Street, { where: { name } });
}

export async function addStreet(em: EntityManager, street: { name: string; city: string }): Promise<number> {
  return (await em.save(em.create(Street, street))).id;
}

export async function addCommunity(em: EntityManager, community: { streetId: number; name: string }): Promise<number> {
  return (await em.save(em.create(Community, community))).id;
}

export async function addOrganisation(em: EntityManager, org: Pick<Organisation, 'name' | 'kind' | 'communityId' | 'hotline'>): Promise<number> {
  return (await em.save(em.create(Organisation, org))).id;
}

export async function addCompound(
  em: EntityManager,
  compound: Pick<Compound, 'communityId' | 'streetId' | 'name' | 'type' | 'code' | 'address' | 'propertyOrgId'>,
): Promise<number> {
  return (await em.save(em.create(Compound, compound))).id;
}

export async function addBuilding(em: EntityManager, building: { compoundId: number; name: string; code: string; sortOrder: number }): Promise<number> {
  return (await em.save(em.create(Building, building))).id;
}

export async function addUnit(em: EntityManager, unit: { buildingId: number; name: string; sortOrder: number }): Promise<number> {
  return (await em.save(em.create(Unit, unit))).id;
}

/** An organisation serves a compound besides its property firm (organisation_compounds). */
export async function linkOrganisation(em: EntityManager, organisationId: number, compoundId: number): Promise<void> {
  await em.insert(OrganisationCompound, { organisationId, compoundId });
}
