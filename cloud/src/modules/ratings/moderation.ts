import { In, type EntityManager } from 'typeorm';
import { REPORT_REASON_LABEL, VISIBLE_PERIOD_STATUSES, type ModerationItemDTO, type ReportReason } from '@hg/types';
import { compoundsByIds, organisationsByIds } from '../community/public';
import type { Actor } from '../identity/public';
import { CommentReport, RatingPeriod, type HouseholdRating } from './entities';
import { scoresOf } from './rating.presenter';
import { RatingVoiceNote } from './rating-voice.entity';
import { presentVoiceNote } from '../../core/voice-notes';
import { staffOver } from './rating.policy';

const voiceOf = (v: RatingVoiceNote | undefined) => ({ voiceNote: v ? presentVoiceNote(v, true) : null, voiceHidden: v?.status === 'hidden' });

/** Moderators: community / street staff over the rating's compound, and admins. */
export const moderates = (actor: Actor, r: Pick<HouseholdRating, 'streetId' | 'communityId'>) => staffOver(actor, r);

/**
 * A comment as a moderator decides on it: the firm, the compound and the period, the stars that
 * rating gave, the public (masked) text, and the reports by reason with their counts — the
 * rated firm's own staff's reports among them, counted apart, and the voice note if there is one
 * (presentModeration's callers are moderators only). Batched: one read per table.
 */
export async function presentModeration(em: EntityManager, rows: HouseholdRating[]): Promise<ModerationItemDTO[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [firms, compounds, periods, reports, voices] = await Promise.all([
    organisationsByIds(
      em,
      rows.map((r) => r.firmId),
    ),
    compoundsByIds(
      em,
      rows.map((r) => r.compoundId),
    ),
    em.find(RatingPeriod, { where: { id: In([...new Set(rows.map((r) => r.periodId))]) } }),
    em
      .createQueryBuilder(CommentReport, 'c')
      .select('c.ratingId', 'ratingId')
      .addSelect('c.reason', 'reason')
      .addSelect('c.byFirm', 'byFirm')
      .addSelect('COUNT(*)', 'n')
      .where('c.ratingId IN (:...ids)', { ids })
      .groupBy('c.ratingId')
      .addGroupBy('c.reason')
      .addGroupBy('c.byFirm')
      .getRawMany<{ ratingId: number | string; reason: ReportReason; byFirm: number | string | boolean; n: number | string }>(),
    em.find(RatingVoiceNote, { where: { ratingId: In(ids) } }),
  ]);
  return rows.map((r) => {
    const mine = reports.filter((x) => Number(x.ratingId) === r.id);
    const byReason = new Map<ReportReason, number>();
    for (const x of mine) byReason.set(x.reason, (byReason.get(x.reason) ?? 0) + Number(x.n));
    const period = periods.find((p) => p.id === r.periodId);
    return {
      ratingId: r.id,
      firm: { id: r.firmId, name: firms.get(r.firmId)?.name ?? '' },
      body: r.commentPublic,
      reports: r.reports,
      status: r.commentStatus,
      compound: { id: r.compoundId, name: compounds.get(r.compoundId)?.name ?? '' },
      period: { id: r.periodId, code: period?.code ?? '' },
      scores: scoresOf(r),
      reasons: [...byReason]
        .map(([reason, count]) => ({ reason, label: REPORT_REASON_LABEL[reason] ?? reason, count }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
      firmReports: mine.filter((x) => Number(x.byFirm) === 1 || x.byFirm === true).reduce((a, x) => a + Number(x.n), 0),
      // Moderators hear the voice note whatever its state (they decide on it); the transcript is theirs to correct.
      ...voiceOf(voices.find((v) => v.ratingId === r.id)),
    };
  });
}

/** A comment anyone can read now (and so report or reply to): visible, with public text, in a period whose results are public (公示 or final). */
export const isPublicComment = (r: Pick<HouseholdRating, 'commentPublic' | 'commentStatus'>, period: Pick<RatingPeriod, 'status'>) =>
  VISIBLE_PERIOD_STATUSES.includes(period.status) && !!r.commentPublic && r.commentStatus === 'visible';
