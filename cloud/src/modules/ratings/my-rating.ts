import { MoreThanOrEqual } from 'typeorm';
import { LIVE_PERIOD_STATUSES, localDay, type MyRatingDTO } from '@hg/types';
import type { EntityManager } from 'typeorm';
import type { ActionContext } from '../../core/action';
import { clock } from '../../core/clock';
import { notFound } from '../../core/errors';
import { communityRepo, organisationById } from '../community/public';
import { membershipOf } from '../households/public';
import { HouseholdRating, RatingPeriod } from './entities';
import { openPeriod } from './periods';
import { isFirmStaff } from './rating.policy';
import { presentMyRating, presentPeriod } from './rating.presenter';
import { RatingVoiceNote } from './rating-voice.entity';

/** 2027-01-01 → 「2027年1月1日」. */
const dayText = (day: string) => `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/**
 * The household's rating in the open period, or why it cannot rate now. Only the household's
 * verified members read its rating (the comment as written only its author: presentMyRating); a member still awaiting
 * verification learns why they cannot rate, and anyone else gets NOT_FOUND, as for a household
 * that does not exist.
 */
export async function loadMyRating(ctx: ActionContext, householdId: number): Promise<MyRatingDTO> {
  const em = ctx.ds.manager;
  const membership = await membershipOf(em, householdId, ctx.actor.userId);
  if (!membership || (membership.status !== 'verified' && membership.status !== 'pending')) throw notFound('房屋');
  const verified = membership.status === 'verified';
  const period = await openPeriod(em);
  const compound = await communityRepo.compound(em, membership.compoundId);
  const firm = compound?.propertyOrgId ? await organisationById(em, compound.propertyOrgId) : null;
  const row = period && verified ? await em.findOne(HouseholdRating, { where: { periodId: period.id, householdId } }) : null;
  let blockedReason: string | null = null;
  if (!verified) blockedReason = '房屋认证通过后才能评价物业';
  else if (!firm) blockedReason = '本小区暂无物业企业';
  else if (isFirmStaff(ctx.actor, firm.id)) blockedReason = '物业企业工作人员不能评价本企业';
  else if (!period) {
    // A period prepared ahead: say when it starts (it opens by itself, and the household is told).
    const next = await em.findOne(RatingPeriod, { where: { status: 'scheduled', endsOn: MoreThanOrEqual(localDay(clock.now())) }, order: { startsOn: 'ASC' } });
    blockedReason = next ? `下一期评价将于${dayText(next.startsOn)}开始，届时会通知您` : '当前没有进行中的评价期，请留意社区通知';
  }
  else if (localDay(clock.now()) > period.endsOn) blockedReason = `本期评价已于${period.endsOn}结束，结果将在公布后可见`;
  else if (localDay(clock.now()) < period.startsOn) blockedReason = `本期评价将于${period.startsOn}开始`;
  return {
    period: period ? presentPeriod(period) : null,
    firm: firm ? { id: firm.id, name: firm.name } : null,
    rating: row ? await presentMyRating(em, row, ctx.actor.userId) : null,
    blockedReason,
    previous: verified ? await previousRating(em, householdId, ctx.actor.userId) : null,
  };
}

/**
 * The household's rating in its latest period that is no longer open, with what moderation made
 * of the author's comment and voice note (the page a 「您的评语…」 message opens). The comment's
 * state is the author's to read, like the comment itself.
 */
async function previousRating(em: EntityManager, householdId: number, viewerId: number): Promise<MyRatingDTO['previous']> {
  const row = await em
    .createQueryBuilder(HouseholdRating, 'r')
    .innerJoin(RatingPeriod, 'p', 'p.id = r.periodId')
    .where('r.householdId = :householdId AND p.status NOT IN (:...live)', { householdId, live: LIVE_PERIOD_STATUSES })
    .orderBy('p.endsOn', 'DESC')
    .addOrderBy('r.id', 'DESC')
    .getOne();
  if (!row) return null;
  const [period, rating] = await Promise.all([em.findOneByOrFail(RatingPeriod, { id: row.periodId }), presentMyRating(em, row, viewerId)]);
  const voice = rating.voiceNote ? await em.findOne(RatingVoiceNote, { where: { ratingId: row.id }, select: { id: true, status: true } }) : null;
  return {
    period: presentPeriod(period),
    rating,
    commentState: rating.byMe && row.comment !== '' ? row.commentStatus : null,
    voiceHidden: voice ? voice.status === 'hidden' : null,
  };
}
