import type { DataSource, EntityManager } from 'typeorm';
import type { ScopeLevel } from '@hg/types';
import { clock } from '../core/clock';
import { runInTransaction } from '../core/data-source';
import { Building } from '../modules/community/building.entity';
import { Community } from '../modules/community/community.entity';
import { Compound } from '../modules/community/compound.entity';
import { OrganisationCompound } from '../modules/community/organisation-compound.entity';
import { Organisation } from '../modules/community/organisation.entity';
import { Street } from '../modules/community/street.entity';
import { Unit } from '../modules/community/unit.entity';
import { addVerifiedOwner, registerRooms } from '../modules/households/public';
import { assignRole, createUser } from '../modules/identity/public';
import { CITY, demoOpenid, DOORS_PER_FLOOR, FLOORS, ORGANISATIONS, STREETS, USERS } from './demo-data';

/**
 * Seed the demo city once. Idempotent: if the first street exists the data is already there
 * (the whole seed is one transaction, so it is all-or-nothing).
 */
export async function seedDemo(ds: DataSource): Promise<boolean> {
  return runInTransaction(ds, async (em) => {
    if (await em.findOne(Street, { where: { name: STREETS[0].name } })) return false;
    await insertDemo(em);
    return true;
  });
}

async function insertDemo(em: EntityManager): Promise<void> {
  const orgIds = new Map<string, number>();
  const communityIds = new Map<string, number>();
  const nodes = new Map<string, { level: ScopeLevel; id: number }>();
  const compoundIds = new Map<string, number>();

  for (const s of STREETS) {
    const street = await em.save(em.create(Street, { name: s.name, city: CITY }));
    nodes.set(s.name, { level: 'street', id: street.id });
    for (const c of s.communities) {
      const community = await em.save(em.create(Community, { streetId: street.id, name: c.name }));
      communityIds.set(c.name, community.id);
      nodes.set(c.name, { level: 'community', id: community.id });
    }
  }
  for (const o of ORGANISATIONS) {
    const org = await em.save(
      em.create(Organisation, { name: o.name, kind: o.kind, communityId: o.community ? communityIds.get(o.community)! : null, hotline: o.hotline }),
    );
    orgIds.set(o.name, org.id);
  }
  const units = new Map<string, Unit & { compoundId: number; communityId: number }>();
  for (const s of STREETS) {
    for (const c of s.communities) {
      const communityId = communityIds.get(c.name)!;
      for (const cp of c.compounds) {
        const compound = await em.save(
          em.create(Compound, {
            communityId,
            streetId: nodes.get(s.name)!.id,
            name: cp.name,
            type: cp.type,
            code: cp.code,
            address: cp.address,
            propertyOrgId: cp.property ? orgIds.get(cp.property)! : null,
          }),
        );
        compoundIds.set(cp.name, compound.id);
        nodes.set(cp.name, { level: 'compound', id: compound.id });
        for (const [bi, b] of cp.buildings.entries()) {
          const building = await em.save(em.create(Building, { compoundId: compound.id, name: b.name, code: b.code, sortOrder: bi }));
          nodes.set(`${cp.name}/${b.name}`, { level: 'building', id: building.id });
          for (let u = 1; u <= b.units; u++) {
            const unit = await em.save(em.create(Unit, { buildingId: building.id, name: `${u}单元`, sortOrder: u }));
            nodes.set(`${cp.name}/${b.name}/${unit.name}`, { level: 'unit', id: unit.id });
            units.set(`${cp.name}/${b.name}/${unit.name}`, Object.assign(unit, { compoundId: compound.id, communityId }));
            const rooms = [];
            for (let f = 1; f <= FLOORS; f++) for (let d = 1; d <= DOORS_PER_FLOOR; d++) rooms.push(`${f}0${d}`);
            await registerRooms(em, { unitId: unit.id, buildingId: building.id, compoundId: compound.id, communityId }, rooms);
          }
        }
      }
    }
  }
  for (const o of ORGANISATIONS) {
    for (const name of o.serves) {
      await em.insert(OrganisationCompound, { organisationId: orgIds.get(o.name)!, compoundId: compoundIds.get(name)! });
    }
  }

  const now = clock.now();
  for (const u of USERS) {
    const userId = await createUser(em, { openid: demoOpenid(u.key), name: u.name, phone: u.phone, createdAt: now });
    for (const r of u.roles) {
      const scopeId = r.level === 'city' ? 0 : nodes.get(r.node)?.id;
      if (scopeId === undefined) throw new Error(`seed: unknown node ${r.node}`);
      await assignRole(em, { userId, role: r.role, scopeLevel: r.level, scopeId, organisationId: r.org ? orgIds.get(r.org)! : 0 });
    }
    if (u.home) {
      const [compound, building, unitName, room] = u.home.split('/');
      const unit = units.get(`${compound}/${building}/${unitName}`)!;
      await addVerifiedOwner(em, { unitId: unit.id, room, userId, name: u.name, phone: u.phone, at: now, note: '演示数据' });
    }
  }
}
