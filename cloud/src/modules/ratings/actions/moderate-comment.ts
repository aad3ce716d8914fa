import { ZModerateRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, invalidTransition, notFound } from '../../../core/errors';
import { transition } from '../../../core/state-machine';
import { Notifier } from '../../notifications/public';
import { HouseholdRating } from '../entities';
import { moderates, presentModeration } from '../moderation';
import { COMMENT_MACHINE } from '../period-status';
import { tellCommentDecided } from '../rating-messages';

/**
 * 审核: keep a hidden comment (visible again) or remove it (kept in the database, never shown).
 * Its author and the firm are told which.
 */
export const moderateComment = defineAction({
  input: ZModerateRequest,
  async handler({ ratingId, keep }, ctx) {
    let notifier = new Notifier();
    const row = await ctx.tx(async (tx) => {
      notifier = new Notifier();
      const r = await tx.findOne(HouseholdRating, { where: { id: ratingId } });
      if (!r) throw notFound('评价');
      if (!moderates(ctx.actor, r)) throw forbidden();
      if (r.commentStatus !== 'hidden') throw invalidTransition('该评价已处理');
      await transition({
        em: tx,
        machine: COMMENT_MACHINE,
        entity: HouseholdRating,
        row: r,
        action: keep ? 'keep' : 'remove',
        statusField: 'commentStatus',
        at: clock.now(),
        actorId: ctx.actor.userId,
        conflictMessage: '该评价已处理',
      });
      await tellCommentDecided(tx, notifier, r, keep, ctx.actor.userId);
      return r;
    });
    const [dto] = await presentModeration(ctx.ds.manager, [row]);
    return dto;
  },
});
