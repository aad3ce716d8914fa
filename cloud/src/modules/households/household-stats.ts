import type { EntityManager } from 'typeorm';
import { HouseholdMember } from './household-member.entity';
import { Household } from './household.entity';

/** Registered households of a compound and how many of them have a verified member (compound home). */
export async function householdCounts(em: EntityManager, compoundId: number): Promise<{ households: number; verifiedHouseholds: number }> {
  const households = await em.count(Household, { where: { compoundId } });
  const row: { n: number | string } | undefined = await em
    .createQueryBuilder(HouseholdMember, 'm')
    .select('COUNT(DISTINCT m.householdId)', 'n')
    .where('m.compoundId = :compoundId AND m.status = :status', { compoundId, status: 'verified' })
    .getRawOne();
  // MySQL returns COUNT as a string (bigint); normalise here, once.
  return { households, verifiedHouseholds: Number(row?.n ?? 0) };
}

/** A person's bindings, newest first (me.get). */
export function membershipsOf(em: EntityManager, userId: number): Promise<HouseholdMember[]> {
  return em.find(HouseholdMember, { where: { userId }, order: { id: 'DESC' } });
}
