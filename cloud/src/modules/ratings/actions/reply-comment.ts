import type { EntityManager } from 'typeorm';
import { ZReplyCommentRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { dialectOf } from '../../../core/data-source';
import { forbidden, invalidInput, isUniqueViolation, notFound } from '../../../core/errors';
import { recordEvent } from '../../../core/subject-log';
import { organisationById } from '../../community/public';
import { Notifier } from '../../notifications/public';
import { CommentReply, HouseholdRating, RatingPeriod } from '../entities';
import { isPublicComment } from '../moderation';
import { COMMENT_MACHINE } from '../period-status';
import { tellReplied } from '../rating-messages';
import { isFirmStaff } from '../rating.policy';
import { getFirmCard } from '../queries/get-firm-card';

/** The comment's current reply, read by the locking statement itself (see rate-firm's lockedRating). */
function lockedReply(tx: EntityManager, ratingId: number): Promise<CommentReply> {
  if (dialectOf(tx.connection) === 'better-sqlite3') return tx.findOneOrFail(CommentReply, { where: { ratingId } });
  return tx.findOneOrFail(CommentReply, { where: { ratingId }, lock: { mode: 'pessimistic_write' } });
}

/**
 * 回复评语: the rated firm's staff reply in public to one comment the public can read (visible, in
 * a period whose results are public; any other id is NOT_FOUND, as for 举报). One current reply per comment
 * (unique key): the first insert wins and a later or simultaneous reply replaces its text under
 * the row's lock, the replaced text kept in the subject log (`reply_replaced`). The first reply
 * tells the comment's author; a correction does not tell her again.
 */
export const replyComment = defineAction({
  input: ZReplyCommentRequest,
  async handler({ ratingId, body }, ctx) {
    const em = ctx.ds.manager;
    const rating = await em.findOne(HouseholdRating, { where: { id: ratingId } });
    const period = rating ? await em.findOne(RatingPeriod, { where: { id: rating.periodId } }) : null;
    if (!rating || !period || !isPublicComment(rating, period)) throw notFound('评价');
    if (!isFirmStaff(ctx.actor, rating.firmId)) throw forbidden('只有被评价物业企业的工作人员可以回复');
    if (!(await ctx.platform.content.allows(body, ctx.actor.openid))) throw invalidInput('body', '回复内容未通过审核，请修改后再提交');
    const now = clock.now();
    const authorId = ctx.actor.userId;
    const event = { subjectKind: COMMENT_MACHINE.name, subjectId: ratingId, actorId: authorId, at: now };
    let notifier = new Notifier();
    try {
      await ctx.tx(async (tx) => {
        notifier = new Notifier();
        await tx.insert(CommentReply, { ratingId, firmId: rating.firmId, body, authorId, createdAt: now, updatedAt: now });
        await recordEvent(tx, { ...event, action: 'replied' });
        await tellReplied(tx, notifier, rating, (await organisationById(tx, rating.firmId))?.name ?? '', authorId);
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      notifier = new Notifier();
      await ctx.tx(async (tx) => {
        const current = await lockedReply(tx, ratingId);
        if (current.body === body) return;
        await tx.update(CommentReply, { id: current.id }, { body, authorId, updatedAt: now });
        // The log keeps what the public read before: a reply is public, so its earlier text may be kept.
        await recordEvent(tx, { ...event, action: 'reply_replaced', data: { previous: current.body } });
      });
    }
    return getFirmCard.handler({ firmId: rating.firmId }, ctx);
  },
});
