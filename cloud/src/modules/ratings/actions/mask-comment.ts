import { maskFragment, ZMaskCommentRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { conflict, forbidden, invalidInput, notFound } from '../../../core/errors';
import { recordEvent } from '../../../core/subject-log';
import { HouseholdRating } from '../entities';
import { moderates, presentModeration } from '../moderation';
import { COMMENT_MACHINE } from '../period-status';

/**
 * 隐去部分内容: a moderator hides one fragment of a comment's public text (a name the automatic
 * mask cannot know, a plate number) and the rest of the criticism stays as written. The comment
 * as written is kept for its author and the record; who masked and when are stored (and a
 * `masked` event in the subject log). The update
 * is a compare-and-set on the public text as read, so two moderators never overwrite each other.
 */
export const maskComment = defineAction({
  input: ZMaskCommentRequest,
  async handler({ ratingId, fragment }, ctx) {
    const row = await ctx.tx(async (tx) => {
      const r = await tx.findOne(HouseholdRating, { where: { id: ratingId } });
      if (!r || !r.commentPublic) throw notFound('评价');
      if (!moderates(ctx.actor, r)) throw forbidden();
      const next = maskFragment(r.commentPublic, fragment);
      if (next === null) throw invalidInput('fragment', '评论中没有这段文字，请照原文填写');
      const now = clock.now();
      const res = await tx.update(
        HouseholdRating,
        { id: ratingId, commentPublic: r.commentPublic },
        { commentPublic: next, maskedById: ctx.actor.userId, maskedAt: now },
      );
      if (res.affected !== 1) throw conflict('评论刚被修改，请刷新后重试');
      // The log keeps who masked how much, not the fragment: it is what had to be hidden.
      await recordEvent(tx, {
        subjectKind: COMMENT_MACHINE.name,
        subjectId: ratingId,
        action: 'masked',
        actorId: ctx.actor.userId,
        at: now,
        data: { chars: [...fragment].length },
      });
      return tx.findOneByOrFail(HouseholdRating, { id: ratingId });
    });
    const [dto] = await presentModeration(ctx.ds.manager, [row]);
    return dto;
  },
});
