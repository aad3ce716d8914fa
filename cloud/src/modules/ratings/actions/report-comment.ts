import { RATING_RULES, ZReportCommentRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { isUniqueViolation, notFound } from '../../../core/errors';
import { transition } from '../../../core/state-machine';
import { Notifier } from '../../notifications/public';
import { CommentReport, HouseholdRating, RatingPeriod } from '../entities';
import { COMMENT_MACHINE } from '../period-status';
import { isPublicComment } from '../moderation';
import { tellCommentHidden } from '../rating-messages';
import { isFirmStaff } from '../rating.policy';

/**
 * 举报: one report per person and comment (unique). Only a comment the public can read (visible,
 * in a period whose results are public: isPublicComment) can be reported; for any other id the answer is NOT_FOUND, the same as
 * for an id that does not exist, so reports neither hide comments before anyone could read them
 * nor reveal which ratings exist. After RATING_RULES.reportsToHide reports the comment is hidden
 * until a moderator decides; the text is kept either way. The rated firm's own staff may report
 * (moderators see it), but their reports never count toward hiding criticism of their firm.
 * The report that hides it tells the moderators over its compound, its author and the firm.
 * Each report keeps its reason (举报理由), which moderators see counted.
 */
export const reportComment = defineAction({
  input: ZReportCommentRequest,
  async handler({ ratingId, reason }, ctx) {
    const em = ctx.ds.manager;
    const rating = await em.findOne(HouseholdRating, { where: { id: ratingId } });
    const period = rating ? await em.findOne(RatingPeriod, { where: { id: rating.periodId } }) : null;
    if (!rating || !period || !isPublicComment(rating, period)) throw notFound('评价');
    const counts = !isFirmStaff(ctx.actor, rating.firmId);
    let notifier = new Notifier();
    try {
      await ctx.tx(async (tx) => {
        notifier = new Notifier();
        await tx.insert(CommentReport, { ratingId, userId: ctx.actor.userId, reason: reason ?? 'other', byFirm: !counts, createdAt: clock.now() });
        if (!counts) return;
        await tx
          .createQueryBuilder()
          .update(HouseholdRating)
          .set({ reports: () => 'reports + 1' })
          .where('id = :ratingId', { ratingId })
          .execute();
        // The increment holds the row's lock to the commit, so this read is the row as it stands.
        const fresh = await tx.findOneByOrFail(HouseholdRating, { id: ratingId });
        if (fresh.commentStatus === 'visible' && fresh.reports >= RATING_RULES.reportsToHide) {
          await transition({
            em: tx,
            machine: COMMENT_MACHINE,
            entity: HouseholdRating,
            row: fresh,
            action: 'hide',
            statusField: 'commentStatus',
            at: clock.now(),
            actorId: ctx.actor.userId,
          });
          await tellCommentHidden(tx, notifier, fresh);
        }
      });
    } catch (err) {
      // Reporting twice counts once.
      if (!isUniqueViolation(err)) throw err;
    }
    return { reported: true };
  },
});
