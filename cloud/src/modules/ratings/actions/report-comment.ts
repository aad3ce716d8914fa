import { RATING_RULES, ZReportCommentRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { isUniqueViolation, notFound } from '../../../core/errors';
import { CommentReport, HouseholdRating } from '../entities';

/**
 * 举报: one report per person and comment (unique). After RATING_RULES.reportsToHide reports the
 * comment is hidden until a moderator decides; the text is kept either way.
 */
export const reportComment = defineAction({
  input: ZReportCommentRequest,
  async handler({ ratingId }, ctx) {
    const rating = await ctx.ds.manager.findOne(HouseholdRating, { where: { id: ratingId } });
    if (!rating || !rating.comment || rating.commentStatus === 'removed') throw notFound('评价');
    try {
      await ctx.tx(async (tx) => {
        await tx.insert(CommentReport, { ratingId, userId: ctx.actor.userId, createdAt: clock.now() });
        await tx
          .createQueryBuilder()
          .update(HouseholdRating)
          .set({ reports: () => 'reports + 1' })
          .where('id = :ratingId', { ratingId })
          .execute();
        await tx
          .createQueryBuilder()
          .update(HouseholdRating)
          .set({ commentStatus: 'hidden' })
          .where("id = :ratingId AND commentStatus = 'visible' AND reports >= :n", { ratingId, n: RATING_RULES.reportsToHide })
          .execute();
      });
    } catch (err) {
      // Reporting twice counts once.
      if (!isUniqueViolation(err)) throw err;
    }
    return { reported: true };
  },
});
