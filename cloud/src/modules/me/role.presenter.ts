import type { EntityManager } from 'typeorm';
import { ROLE_LABEL, type RoleAssignmentDTO, type ScopeLevel } from '@hg/types';
import { organisationsByIds, placeNames } from '../community/public';
import type { ActorRole } from '../identity/public';

/** Roles with the human name of the node each is held on ("南街社区", "锦屏花园 3栋"). */
export async function presentRoles(em: EntityManager, roles: ActorRole[]): Promise<RoleAssignmentDTO[]> {
  const [names, orgs] = await Promise.all([
    placeNames(
      em,
      roles.filter((r) => r.scopeLevel !== 'city').map((r) => ({ level: r.scopeLevel, id: r.scopeId })),
    ),
    organisationsByIds(
      em,
      roles.map((r) => r.organisationId),
    ),
  ]);

  return roles.map((r) => ({
    role: r.role,
    roleLabel: ROLE_LABEL[r.role],
    scopeLevel: r.scopeLevel,
    scopeId: r.scopeLevel === 'city' ? null : r.scopeId,
    scopeName: r.scopeLevel === 'city' ? '阆中市' : (names.get(`${r.scopeLevel as Exclude<ScopeLevel, 'city'>}:${r.scopeId}`) ?? ''),
    organisation: r.organisationId ? { id: r.organisationId, name: orgs.get(r.organisationId)?.name ?? '' } : null,
  }));
}
