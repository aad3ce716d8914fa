import { In, type EntityManager } from 'typeorm';
import { byId } from '../../core/by-id';
import { Building } from './building.entity';
import { Community } from './community.entity';
import { Compound } from './compound.entity';
import { OrganisationCompound } from './organisation-compound.entity';
import { Organisation } from './organisation.entity';
import { Street } from './street.entity';
import { Unit } from './unit.entity';

/** Queries over the hierarchy. Every function takes the manager it should run on (tx or not). */
export const communityRepo = {
  compound: (em: EntityManager, id: number) => em.findOne(Compound, { where: { id } }),
  compoundByCode: (em: EntityManager, code: string) => em.findOne(Compound, { where: { code } }),
  buildingByCode: (em: EntityManager, code: string) => em.findOne(Building, { where: { code } }),
  building: (em: EntityManager, id: number) => em.findOne(Building, { where: { id } }),
  unit: (em: EntityManager, id: number) => em.findOne(Unit, { where: { id } }),

  async compoundsWithParents(em: EntityManager, where: { communityId?: number } = {}) {
    const compounds = await em.find(Compound, { where, order: { communityId: 'ASC', id: 'ASC' } });
    const communities = await byId(
      em,
      Community,
      compounds.map((c) => c.communityId),
    );
    const streets = await byId(
      em,
      Street,
      compounds.map((c) => c.streetId),
    );
    return compounds.map((c) => ({ compound: c, community: communities.get(c.communityId)!, street: streets.get(c.streetId)! }));
  },

  async buildingsWithUnits(em: EntityManager, compoundId: number) {
    const buildings = await em.find(Building, { where: { compoundId }, order: { sortOrder: 'ASC', id: 'ASC' } });
    const units = buildings.length
      ? await em.find(Unit, { where: { buildingId: In(buildings.map((b) => b.id)) }, order: { sortOrder: 'ASC', id: 'ASC' } })
      : [];
    return buildings.map((b) => ({ building: b, units: units.filter((u) => u.buildingId === b.id) }));
  },

  /** The compound's property firm and every other organisation serving it. */
  async organisationsServing(em: EntityManager, compound: Compound) {
    const links = await em.find(OrganisationCompound, { where: { compoundId: compound.id } });
    const ids = new Set(links.map((l) => l.organisationId));
    if (compound.propertyOrgId) ids.add(compound.propertyOrgId);
    const orgs = ids.size ? await em.find(Organisation, { where: { id: In([...ids]) }, order: { id: 'ASC' } }) : [];
    return {
      propertyFirm: orgs.find((o) => o.id === compound.propertyOrgId) ?? null,
      services: orgs.filter((o) => o.id !== compound.propertyOrgId),
    };
  },

  async buildingCount(em: EntityManager, compoundId: number): Promise<number> {
    return em.count(Building, { where: { compoundId } });
  },

  community: (em: EntityManager, id: number) => em.findOne(Community, { where: { id } }),
  street: (em: EntityManager, id: number) => em.findOne(Street, { where: { id } }),
};
