import type { EntityManager } from 'typeorm';
import { ErrorCode, formatLocalTime, maskPersonalData, RATING_DIMENSIONS, ZRateFirmRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { dialectOf } from '../../../core/data-source';
import { AppError, forbidden, invalidInput, invalidTransition, isUniqueViolation, notFound } from '../../../core/errors';
import { transition } from '../../../core/state-machine';
import { assertVoiceUploaded } from '../../../core/voice-notes';
import { communityRepo, organisationById } from '../../community/public';
import { membershipOf } from '../../households/public';
import { Notifier } from '../../notifications/public';
import { HouseholdRating, RatingChange, type RatingPeriod } from '../entities';
import { loadMyRating } from '../my-rating';
import { COMMENT_MACHINE } from '../period-status';
import { lockRatablePeriod, openPeriod } from '../periods';
import { isFirmStaff } from '../rating.policy';
import { replaceRatingVoice } from '../rating-voice-notes';

/**
 * The household's rating of the period under an exclusive row lock (MySQL; SQLite runs one
 * transaction at a time), so two members changing it at once are ordered and each is told about
 * the other's change from the row as it is, not as it was before the other committed.
 */
async function lockedRating(tx: EntityManager, periodId: number, householdId: number): Promise<HouseholdRating | null> {
  // The row must be READ by the locking statement itself: under REPEATABLE READ a plain SELECT
  // after the lock returns the transaction's snapshot, taken at its first read (the period's) —
  // before the other member's change committed — and the wrong member was told (or nobody).
  if (dialectOf(tx.connection) === 'better-sqlite3') return tx.findOne(HouseholdRating, { where: { periodId, householdId } });
  return tx.findOne(HouseholdRating, { where: { periodId, householdId }, lock: { mode: 'pessimistic_write' } });
}

/**
 * 评价物业: a verified member of a household rates the firm serving its compound in the open
 * period, once per household (unique key). One household, one voice: any verified member may
 * change the household's rating, the last submission is the household's whole rating (stars and
 * comment) and its author, and the member whose rating was replaced is told (in-app message
 * `rating_update`) while they are still a verified member. A comment stays its author's: another
 * member never reads it (presentMyRating), and their submission replaces it. Every submission is
 * kept in rating_changes. The firm's own staff cannot rate it. Comments pass the platform's
 * content check (WeChat msgSecCheck; a word list locally), and what others will read of them has
 * phone numbers, ID numbers and room addresses masked. The period is re-checked, under its lock,
 * in the transaction that writes: every accepted rating is in the period's results. A voice note
 * (居民语音留言) rides the submission like the comment — replaced or removed with it, never public
 * (rating-voice-notes.ts says who hears it); a rating may be a voice note and stars with no words.
 */
export const rateFirm = defineAction({
  input: ZRateFirmRequest,
  async handler({ householdId, scores, comment, voiceNote }, ctx) {
    const now = clock.now();
    const em = ctx.ds.manager;
    const membership = await membershipOf(em, householdId, ctx.actor.userId);
    if (membership?.status !== 'verified') throw forbidden('只有已认证的本户居民可以评价');
    const compound = await communityRepo.compound(em, membership.compoundId);
    if (!compound?.propertyOrgId) throw notFound('本小区的物业企业');
    const firmId = compound.propertyOrgId;
    if (isFirmStaff(ctx.actor, firmId)) throw forbidden('物业企业工作人员不能评价本企业');
    const current = await openPeriod(em);
    if (!current) throw invalidTransition('当前没有进行中的评价期');
    const text = comment ?? '';
    if (text && !(await ctx.platform.content.allows(text, ctx.actor.openid))) throw invalidInput('comment', '评价内容未通过审核，请修改后再提交');
    // A voice note is checked before anything is written (a recording not uploaded: INVALID_INPUT, nothing written).
    if (voiceNote) await assertVoiceUploaded(ctx.platform, voiceNote);
    const json = JSON.stringify(Object.fromEntries(RATING_DIMENSIONS.map((d) => [d, scores[d]])));
    const satisfaction = Math.round((RATING_DIMENSIONS.reduce((a, d) => a + scores[d], 0) / RATING_DIMENSIONS.length) * 20);
    const fields = {
      firmId,
      userId: ctx.actor.userId,
      scores: json,
      satisfaction,
      comment: text,
      commentPublic: maskPersonalData(text),
      maskedById: null,
      maskedAt: null,
      commentStatus: 'visible' as const,
      reports: 0,
      updatedAt: now,
    };

    const record = (ratingId: number) => ({ ratingId, userId: ctx.actor.userId, scores: json, comment: text, createdAt: now });
    /** The member whose rating this submission replaces is told, rather than finding scores they never gave. */
    const tellAuthor = async (tx: EntityManager, notifier: Notifier, period: RatingPeriod, replaced: HouseholdRating, hadVoice: boolean) => {
      if (replaced.userId === ctx.actor.userId) return;
      if ((await membershipOf(tx, householdId, replaced.userId))?.status !== 'verified') return;
      const firm = await organisationById(tx, firmId);
      await notifier.to(tx, [replaced.userId], {
        kind: 'rating_update',
        subject: { subjectKind: 'household-rating', subjectId: householdId },
        title: '家人修改了本户的物业评价',
        body:
          `${firm?.name ?? '物业'} ${period.code} 期：家中其他成员于${formatLocalTime(now, now)}修改了本户的评价，每户一票，以最后一次提交为准` +
          (replaced.comment ? '；您写的评语不再公开显示' : '') +
          (hadVoice ? '；您的语音留言已被替换' : ''),
      });
    };
    try {
      await ctx.tx(async (tx) => {
        const period = await lockRatablePeriod(tx, current.id, now);
        const row = await tx.save(
          tx.create(HouseholdRating, {
            periodId: period.id,
            householdId,
            compoundId: compound.id,
            communityId: compound.communityId,
            streetId: compound.streetId,
            compoundType: compound.type,
            createdAt: now,
            ...fields,
          }),
        );
        await tx.insert(RatingChange, record(row.id));
        await replaceRatingVoice(tx, row.id, voiceNote, ctx.actor.userId, now);
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // The household has rated this period: change it. A changed comment is visible again until
      // reported; an unchanged one keeps what moderators decided (a hidden name stays hidden, a
      // removed comment stays removed) — changing only the stars must not undo moderation.
      // The message row is written in the attempt's transaction: a deadlock victim retried on MySQL
      // rolls its row back with it, so the author is told once.
      await ctx.tx(async (tx) => {
        const attempt = new Notifier();
        const period = await lockRatablePeriod(tx, current.id, now);
        const existing = await lockedRating(tx, period.id, householdId);
        if (!existing) throw new AppError(ErrorCode.CONFLICT, '请稍后再试');
        const { commentPublic, maskedById, maskedAt, commentStatus, reports, ...scoresOnly } = fields;
        const rewritten = existing.comment !== text;
        const changed = rewritten ? { commentPublic, maskedById, maskedAt, reports } : {};
        // A new comment brings a hidden or removed one back: a step of the comment's machine.
        if (rewritten && existing.commentStatus !== commentStatus)
          await transition({
            em: tx,
            machine: COMMENT_MACHINE,
            entity: HouseholdRating,
            row: existing,
            action: 'rewrite',
            statusField: 'commentStatus',
            patch: { ...scoresOnly, ...changed },
            at: now,
            actorId: ctx.actor.userId,
            conflictMessage: '请稍后再试',
          });
        else await tx.update(HouseholdRating, { id: existing.id }, { ...scoresOnly, ...changed });
        await tx.insert(RatingChange, record(existing.id));
        const replacedVoice = await replaceRatingVoice(tx, existing.id, voiceNote, ctx.actor.userId, now);
        await tellAuthor(tx, attempt, period, existing, !!replacedVoice && replacedVoice.uploaderId === existing.userId);
      });
    }
    return loadMyRating(ctx, householdId);
  },
});
