import type { EntityManager } from 'typeorm';
import type { ModerationItemDTO } from '@hg/types';
import { organisationsByIds } from '../community/public';
import type { Actor } from '../identity/public';
import type { HouseholdRating } from './entities';
import { staffOver } from './rating.policy';

/** Moderators: community / street staff over the rating's compound, and admins. */
export const moderates = (actor: Actor, r: Pick<HouseholdRating, 'streetId' | 'communityId'>) => staffOver(actor, r);

export async function presentModeration(em: EntityManager, rows: HouseholdRating[]): Promise<ModerationItemDTO[]> {
  const firms = await organisationsByIds(
    em,
    rows.map((r) => r.firmId),
  );
  return rows.map((r) => ({
    ratingId: r.id,
    firm: { id: r.firmId, name: firms.get(r.firmId)?.name ?? '' },
    body: r.commentPublic,
    reports: r.reports,
    status: r.commentStatus,
  }));
}
