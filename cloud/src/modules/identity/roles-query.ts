import { In, IsNull, type EntityManager } from 'typeorm';
import { isHeadRole } from './appointments';
import type { ActorRole } from './actor';
import { RoleAssignment } from './role-assignment.entity';

/** The roles these users hold now (ended posts aside), oldest first, grouped by user (the demo login list). */
export async function listRoleAssignments(em: EntityManager, userIds: readonly number[]): Promise<Map<number, ActorRole[]>> {
  const out = new Map<number, ActorRole[]>();
  if (!userIds.length) return out;
  const rows = await em.find(RoleAssignment, { where: { userId: In([...userIds]), endedAt: IsNull() }, order: { id: 'ASC' } });
  for (const r of rows) {
    const list = out.get(r.userId) ?? [];
    list.push({ role: r.role, scopeLevel: r.scopeLevel, scopeId: r.scopeId, organisationId: r.organisationId });
    out.set(r.userId, list);
  }
  return out;
}

/**
 * Give a person a role on one node, as the city is set up (the demo city's staff and heads: no
 * appointer, no date). `scopeId` is 0 at city level and `organisationId` 0 when the role is not
 * held for an organisation. A head takes the place's head key, so a second one fails here too.
 */
export async function assignRole(em: EntityManager, held: { userId: number } & ActorRole): Promise<void> {
  await em.insert(RoleAssignment, {
    userId: held.userId,
    role: held.role,
    scopeLevel: held.scopeLevel,
    scopeId: held.scopeId,
    organisationId: held.organisationId,
    active: 1,
    headScopeId: isHeadRole(held.role) ? held.scopeId : null,
  });
}
