import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Role } from '@hg/types';
import { RoleAssignment } from './role-assignment.entity';

/** Where a record sits, for finding the people who hold a role over it. */
export interface NodePath {
  streetId: number;
  communityId: number;
  compoundId?: number | null;
  buildingId?: number | null;
  unitId?: number | null;
}

/**
 * Users holding any of `roles` now (ended posts aside) on a node covering `path` (city-wide included), optionally only
 * those of one organisation: "who answers for this place" for every module's messages.
 */
export async function usersWithRoleOver(em: EntityManager, roles: readonly Role[], path: NodePath, organisationId?: number): Promise<number[]> {
  const rows: { userId: number | string }[] = await holdersQuery(em, roles, path, organisationId).getRawMany();
  return rows.map((r) => Number(r.userId));
}

/**
 * The same people as a select of one `userId` column, not run: a message to them (notifications'
 * Notifier / notifyMany) inserts from it in the statement that writes the rows.
 */
export function holdersQuery(em: EntityManager, roles: readonly Role[], path: NodePath, organisationId?: number): SelectQueryBuilder<RoleAssignment> {
  const params = {
    roles,
    streetId: path.streetId,
    communityId: path.communityId,
    compoundId: path.compoundId ?? -1,
    buildingId: path.buildingId ?? -1,
    unitId: path.unitId ?? -1,
  };
  const qb = em
    .createQueryBuilder(RoleAssignment, 'r')
    .select('DISTINCT r.userId', 'userId')
    .where('r.role IN (:...roles)', params)
    .andWhere('r.endedAt IS NULL')
    .andWhere(
      `((r.scopeLevel = 'city') OR (r.scopeLevel = 'street' AND r.scopeId = :streetId) OR (r.scopeLevel = 'community' AND r.scopeId = :communityId)
        OR (r.scopeLevel = 'compound' AND r.scopeId = :compoundId) OR (r.scopeLevel = 'building' AND r.scopeId = :buildingId)
        OR (r.scopeLevel = 'unit' AND r.scopeId = :unitId))`,
      params,
    );
  if (organisationId !== undefined) qb.andWhere('r.organisationId = :organisationId', { organisationId });
  return qb;
}
