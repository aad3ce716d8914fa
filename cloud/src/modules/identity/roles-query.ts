import { In, type EntityManager } from 'typeorm';
import type { ActorRole } from './actor';
import { RoleAssignment } from './role-assignment.entity';

/** The role assignments of these users, oldest first, grouped by user (the demo login list). */
export async function listRoleAssignments(em: EntityManager, userIds: readonly number[]): Promise<Map<number, ActorRole[]>> {
  const out = new Map<number, ActorRole[]>();
  if (!userIds.length) return out;
  const rows = await em.find(RoleAssignment, { where: { userId: In([...userIds]) }, order: { id: 'ASC' } });
  for (const r of rows) {
    const list = out.get(r.userId) ?? [];
    list.push({ role: r.role, scopeLevel: r.scopeLevel, scopeId: r.scopeId, organisationId: r.organisationId });
    out.set(r.userId, list);
  }
  return out;
}
