import type { EntityManager } from 'typeorm';
import { ROLE_LABEL, type RoleAssignmentDTO, type ScopeLevel } from '@hg/types';
import { byId } from '../../core/by-id';
import { Building, Community, Compound, Organisation, Street, Unit } from '../community/public';
import type { ActorRole } from '../identity/public';

const NODE_ENTITY = { street: Street, community: Community, compound: Compound, building: Building, unit: Unit } as const;

/** Roles with the human name of the node each is held on ("南街社区", "锦屏花园 3栋"). */
export async function presentRoles(em: EntityManager, roles: ActorRole[]): Promise<RoleAssignmentDTO[]> {
  const names = new Map<string, string>();
  for (const level of Object.keys(NODE_ENTITY) as (keyof typeof NODE_ENTITY)[]) {
    const ids = roles.filter((r) => r.scopeLevel === level).map((r) => r.scopeId);
    const rows = await byId(em, NODE_ENTITY[level] as new () => { id: number; name: string }, ids);
    for (const [id, row] of rows) names.set(`${level}:${id}`, row.name);
  }
  // A building's or unit's name alone ("3栋", "1单元") is ambiguous: prefix its parents.
  const buildings = await byId(
    em,
    Building,
    roles.filter((r) => r.scopeLevel === 'building').map((r) => r.scopeId),
  );
  const compounds = await byId(
    em,
    Compound,
    [...buildings.values()].map((b) => b.compoundId),
  );
  for (const b of buildings.values()) names.set(`building:${b.id}`, `${compounds.get(b.compoundId)?.name ?? ''}${b.name}`);
  const units = await byId(
    em,
    Unit,
    roles.filter((r) => r.scopeLevel === 'unit').map((r) => r.scopeId),
  );
  const unitBuildings = await byId(
    em,
    Building,
    [...units.values()].map((u) => u.buildingId),
  );
  const unitCompounds = await byId(
    em,
    Compound,
    [...unitBuildings.values()].map((b) => b.compoundId),
  );
  for (const u of units.values()) {
    const b = unitBuildings.get(u.buildingId);
    names.set(`unit:${u.id}`, `${unitCompounds.get(b?.compoundId ?? 0)?.name ?? ''}${b?.name ?? ''}${u.name}`);
  }
  const orgs = await byId(
    em,
    Organisation,
    roles.map((r) => r.organisationId),
  );

  return roles.map((r) => ({
    role: r.role,
    roleLabel: ROLE_LABEL[r.role],
    scopeLevel: r.scopeLevel,
    scopeId: r.scopeLevel === 'city' ? null : r.scopeId,
    scopeName: r.scopeLevel === 'city' ? '阆中市' : (names.get(`${r.scopeLevel as Exclude<ScopeLevel, 'city'>}:${r.scopeId}`) ?? ''),
    organisation: r.organisationId ? { id: r.organisationId, name: orgs.get(r.organisationId)?.name ?? '' } : null,
  }));
}
