import type { DataSource, EntityManager } from 'typeorm';
import type { ScopeLevel } from '@hg/types';
import { clock } from '../core/clock';
import { runInTransaction } from '../core/data-source';
import { addBuilding, addCommunity, addCompound, addOrganisation, addStreet, addUnit, linkOrganisation, streetExists } from '../modules/community/public';
import { addVerifiedOwner, registerRooms } from '../modules/households/public';
import { assignRole, createUser } from '../modules/identity/public';
import { CITY, demoOpenid, DOORS_PER_FLOOR, FLOORS, ORGANISATIONS, STREETS, USERS } from './demo-data';

/**
 * Seed the demo city once. Idempotent: if the first street exists the data is already there
 * (the whole seed is one transaction, so it is all-or-nothing).
 */
export async function seedDemo(ds: DataSource): Promise<boolean> {
  return runInTransaction(ds, async (em) => {
    if (await streetExists(em, STREETS[0].name)) return false;
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
    const streetId = await addStreet(em, { name: s.name, city: CITY });
    nodes.set(s.name, { level: 'street', id: streetId });
    for (const c of s.communities) {
      const communityId = await addCommunity(em, { streetId, name: c.name });
      communityIds.set(c.name, communityId);
      nodes.set(c.name, { level: 'community', id: communityId });
    }
  }
  for (const o of ORGANISATIONS) {
    const orgId = await addOrganisation(em, {
      name: o.name,
      kind: o.kind,
      communityId: o.community ? communityIds.get(o.community)! : null,
      hotline: o.hotline,
    });
    orgIds.set(o.name, orgId);
  }
  const unitIds = new Map<string, number>();
  for (const s of STREETS) {
    for (const c of s.communities) {
      const communityId = communityIds.get(c.name)!;
      for (const cp of c.compounds) {
        const compoundId = await addCompound(em, {
          communityId,
          streetId: nodes.get(s.name)!.id,
          name: cp.name,
          type: cp.type,
          code: cp.code,
          address: cp.address,
          propertyOrgId: cp.property ? orgIds.get(cp.property)! : null,
        });
        compoundIds.set(cp.name, compoundId);
        nodes.set(cp.name, { level: 'compound', id: compoundId });
        for (const [bi, b] of cp.buildings.entries()) {
          const buildingId = await addBuilding(em, { compoundId, name: b.name, code: b.code, sortOrder: bi });
          nodes.set(`${cp.name}/${b.name}`, { level: 'building', id: buildingId });
          for (let u = 1; u <= b.units; u++) {
            const unitName = `${u}单元`;
            const unitId = await addUnit(em, { buildingId, name: unitName, sortOrder: u });
            nodes.set(`${cp.name}/${b.name}/${unitName}`, { level: 'unit', id: unitId });
            unitIds.set(`${cp.name}/${b.name}/${unitName}`, unitId);
            const rooms = [];
            for (let f = 1; f <= FLOORS; f++) for (let d = 1; d <= DOORS_PER_FLOOR; d++) rooms.push(`${f}0${d}`);
            await registerRooms(em, { unitId, buildingId, compoundId, communityId }, rooms);
          }
        }
      }
    }
  }
  for (const o of ORGANISATIONS) {
    for (const name of o.serves) {
      await linkOrganisation(em, orgIds.get(o.name)!, compoundIds.get(name)!);
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
      await addVerifiedOwner(em, {
        unitId: unitIds.get(`${compound}/${building}/${unitName}`)!,
        room,
        userId,
        name: u.name,
        phone: u.phone,
        at: now,
        note: '演示数据',
      });
    }
  }
}
