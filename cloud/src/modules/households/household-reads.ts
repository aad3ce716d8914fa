import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { HouseholdMember } from './household-member.entity';
import { Household } from './household.entity';

/** One household (户) by id, or null. */
export function householdById(em: EntityManager, id: number): Promise<Household | null> {
  return em.findOne(Household, { where: { id } });
}

/**
 * One household and `userId`'s binding to it (null when none), in one statement: what filing a
 * need for the household checks. Null when there is no such household.
 */
export async function householdWithMembership(
  em: EntityManager,
  householdId: number,
  userId: number,
): Promise<{ household: Household; membership: HouseholdMember | null } | null> {
  const row = await em
    .createQueryBuilder(Household, 'h')
    .leftJoinAndMapOne('h.callerMembership', HouseholdMember, 'm', 'm.householdId = h.id AND m.userId = :userId', { userId: userId || -1 })
    .where('h.id = :householdId', { householdId })
    .getOne();
  if (!row) return null;
  const { callerMembership, ...household } = row as Household & { callerMembership?: HouseholdMember | null };
  return { household: Object.assign(new Household(), household), membership: callerMembership ?? null };
}

/** A person's binding to one household, in whatever status, or null (one row per household and person). */
export function membershipOf(em: EntityManager, householdId: number, userId: number): Promise<HouseholdMember | null> {
  return em.findOne(HouseholdMember, { where: { householdId, userId } });
}

/** The household's first verified member: who of the household uses the app, or null. */
export function firstVerifiedMemberOf(em: EntityManager, householdId: number): Promise<HouseholdMember | null> {
  return em.findOne(HouseholdMember, { where: { householdId, status: 'verified' }, order: { id: 'ASC' } });
}

/** The verified bindings of these people, oldest first (their confirmed homes), in one query. */
export function verifiedMembershipsOf(em: EntityManager, userIds: readonly number[]): Promise<HouseholdMember[]> {
  if (!userIds.length) return Promise.resolve([]);
  return em.find(HouseholdMember, { where: { userId: In([...new Set(userIds)]), status: 'verified' }, order: { id: 'ASC' } });
}

/**
 * The verified members of the households in these compounds, as a select of `userId` rows (not
 * run): a fan-out message (notifications' notifyMany) inserts from it in one statement.
 */
export function verifiedResidentsQuery(em: EntityManager, compoundIds: readonly number[]): SelectQueryBuilder<HouseholdMember> {
  const qb = em.createQueryBuilder(HouseholdMember, 'm').select('m.userId', 'userId').where('m.status = :status', { status: 'verified' });
  // No compound: a select that finds nobody, so callers need no special case.
  return compoundIds.length ? qb.andWhere('m.compoundId IN (:...compoundIds)', { compoundIds: [...new Set(compoundIds)] }) : qb.andWhere('1 = 0');
}
