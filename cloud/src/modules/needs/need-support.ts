import type { EntityManager } from 'typeorm';
import { OPEN_NEED_STATUSES } from '@hg/types';
import { NeedFollower } from './need-follower.entity';
import { Need } from './need.entity';

/** An open need with the people behind it: its reporter and everyone following it. */
export interface SupportedNeed {
  id: number;
  streetId: number;
  communityId: number;
  compoundId: number;
  description: string;
  /** The reporter first, then the followers (distinct). */
  userIds: number[];
}

/**
 * Open needs that at least `minPeople` people stand behind (reporter + followers), oldest first:
 * deliberation proposes the ones followed by enough verified households as matters. Two queries
 * (grouped followers, then the needs), bounded by `max`.
 */
export async function openNeedsWithSupport(em: EntityManager, minPeople: number, max = 100): Promise<SupportedNeed[]> {
  const grouped: { needId: number | string; n: number | string }[] = await em
    .createQueryBuilder(NeedFollower, 'f')
    .innerJoin(Need, 'n', 'n.id = f.needId')
    .select('f.needId', 'needId')
    .addSelect('COUNT(*)', 'n')
    .where('n.status IN (:...open)', { open: OPEN_NEED_STATUSES })
    .groupBy('f.needId')
    .having('COUNT(*) >= :min', { min: Math.max(0, minPeople - 1) })
    .orderBy('f.needId', 'ASC')
    .limit(max)
    .getRawMany();
  if (!grouped.length) return [];
  const ids = grouped.map((g) => Number(g.needId));
  const needs = await em.createQueryBuilder(Need, 'n').where('n.id IN (:...ids)', { ids }).orderBy('n.id', 'ASC').getMany();
  const followers = await em.createQueryBuilder(NeedFollower, 'f').where('f.needId IN (:...ids)', { ids }).orderBy('f.id', 'ASC').getMany();
  return needs.map((n) => ({
    id: n.id,
    streetId: n.streetId,
    communityId: n.communityId,
    compoundId: n.compoundId,
    description: n.description,
    userIds: [...new Set([n.reporterId, ...followers.filter((f) => f.needId === n.id).map((f) => f.userId)])],
  }));
}
