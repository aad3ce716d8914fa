import { In, type EntityManager } from 'typeorm';
import { HouseholdMember } from './household-member.entity';
import { Household } from './household.entity';

/** A place whose households are asked: a compound, or one building or unit of it. */
export interface HouseholdScope {
  compoundId: number;
  buildingId?: number | null;
  unitId?: number | null;
}

/**
 * Every household (room) of a place known to the product, verified member or not, by id: the
 * electorate of a household vote (deliberation), whose rooms without a member vote on paper.
 */
export async function householdIdsIn(em: EntityManager, scope: HouseholdScope): Promise<number[]> {
  const qb = em.createQueryBuilder(Household, 'h').select('h.id', 'id').where('h.compoundId = :compoundId', { compoundId: scope.compoundId });
  if (scope.buildingId) qb.andWhere('h.buildingId = :buildingId', { buildingId: scope.buildingId });
  if (scope.unitId) qb.andWhere('h.unitId = :unitId', { unitId: scope.unitId });
  const rows: { id: number | string }[] = await qb.orderBy('h.id', 'ASC').getRawMany();
  return rows.map((r) => Number(r.id));
}

/** The verified members of these households, as (householdId, userId) pairs, in one query. */
export async function verifiedMembersOfHouseholds(em: EntityManager, householdIds: readonly number[]): Promise<{ householdId: number; userId: number }[]> {
  if (!householdIds.length) return [];
  const rows = await em.find(HouseholdMember, {
    select: { householdId: true, userId: true },
    where: { householdId: In([...new Set(householdIds)]), status: 'verified' },
    order: { id: 'ASC' },
  });
  return rows.map((r) => ({ householdId: r.householdId, userId: r.userId }));
}
