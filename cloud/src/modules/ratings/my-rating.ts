import type { MyRatingDTO } from '@hg/types';
import type { ActionContext } from '../../core/action';
import { Compound, Organisation } from '../community/public';
import { HouseholdMember } from '../households/public';
import { HouseholdRating, RatingChange } from './entities';
import { openPeriod } from './periods';
import { isFirmStaff } from './rating.policy';
import { presentPeriod, scoresOf } from './rating.presenter';

/** The household's rating in the open period, or why it cannot rate now. */
export async function loadMyRating(ctx: ActionContext, householdId: number): Promise<MyRatingDTO> {
  const em = ctx.ds.manager;
  const membership = await em.findOne(HouseholdMember, { where: { householdId, userId: ctx.actor.userId } });
  const period = await openPeriod(em);
  const compound = membership ? await em.findOne(Compound, { where: { id: membership.compoundId } }) : null;
  const firm = compound?.propertyOrgId ? await em.findOne(Organisation, { where: { id: compound.propertyOrgId } }) : null;
  const row = period ? await em.findOne(HouseholdRating, { where: { periodId: period.id, householdId } }) : null;
  let blockedReason: string | null = null;
  if (!membership || membership.status !== 'verified') blockedReason = '房屋认证通过后才能评价物业';
  else if (!firm) blockedReason = '本小区暂无物业企业';
  else if (isFirmStaff(ctx.actor, firm.id)) blockedReason = '物业企业工作人员不能评价本企业';
  else if (!period) blockedReason = '当前没有进行中的评价期，请留意社区通知';
  return {
    period: period ? presentPeriod(period) : null,
    firm: firm ? { id: firm.id, name: firm.name } : null,
    rating: row
      ? {
          id: row.id,
          scores: scoresOf(row),
          comment: row.comment,
          updatedAt: row.updatedAt.toISOString(),
          changes: await em.count(RatingChange, { where: { ratingId: row.id } }),
        }
      : null,
    blockedReason,
  };
}
