import { VISIBLE_PERIOD_STATUSES, ZModerateRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, invalidTransition, notFound } from '../../../core/errors';
import { transition } from '../../../core/state-machine';
import { Notifier } from '../../notifications/public';
import { HouseholdRating, RatingPeriod } from '../entities';
import { moderates, presentModeration } from '../moderation';
import { COMMENT_MACHINE } from '../period-status';
import { tellCommentDecided } from '../rating-messages';

/**
 * 审核: keep a comment (a hidden one visible again, or a removed one given back) or remove it (a
 * hidden one, or a visible one taken down; kept in the database, never shown). Moderators: community
 * / street staff over the compound and admins — the moderation queue (评论审核) and the admin's
 * 结果审核 both call this. Only after the period closed (while it is open the household may still
 * rewrite). Its author is told which, and the firm when the comment was public.
 */
export const moderateComment = defineAction({
  input: ZModerateRequest,
  async handler({ ratingId, keep }, ctx) {
    let notifier = new Notifier();
    const row = await ctx.tx(async (tx) => {
      notifier = new Notifier();
      const r = await tx.findOne(HouseholdRating, { where: { id: ratingId } });
      if (!r || !r.commentPublic) throw notFound('评语');
      if (!moderates(ctx.actor, r)) throw forbidden();
      const action = keep ? 'keep' : 'remove';
      if (!COMMENT_MACHINE.allows(action, r.commentStatus)) throw invalidTransition('该评价已处理');
      const period = await tx.findOne(RatingPeriod, { where: { id: r.periodId } });
      if (!period || period.status === 'open' || period.status === 'scheduled') throw invalidTransition('评价期截止后才能审核评语');
      const from = await transition({
        em: tx,
        machine: COMMENT_MACHINE,
        entity: HouseholdRating,
        row: r,
        action,
        statusField: 'commentStatus',
        at: clock.now(),
        actorId: ctx.actor.userId,
        conflictMessage: '该评价已处理',
      });
      await tellCommentDecided(tx, notifier, r, { keep, from, public: VISIBLE_PERIOD_STATUSES.includes(period.status) }, ctx.actor.userId);
      return r;
    });
    const [dto] = await presentModeration(ctx.ds.manager, [row]);
    return dto;
  },
});
