import { ZNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { conflict, AppError } from '../../../core/errors';
import { Need } from '../need.entity';
import { hoursFrom, runNeedAction, transition } from '../need-flow';

/**
 * 主动认领: a party member takes an open need. The compare-and-set on `open_for_claim` means that
 * of twenty members tapping at once exactly one wins; the others get CONFLICT.
 */
export const claimNeed = defineAction({
  input: ZNeedRequest,
  handler: async ({ needId }, ctx) => {
    try {
      return await runNeedAction(ctx, needId, 'claim', async ({ em, need, category, actor, now, notifier }) => {
        await transition(em, need, 'claim', actor.userId, {
          receiverUserId: actor.userId,
          receiverOrgId: null,
          firstResponseAt: need.firstResponseAt ?? now,
          resolveDueAt: hoursFrom(now, category.resolveSlaHours),
          updatedAt: now,
        });
        await notifier.to(em, [need.reporterId], { title: '党员已认领您的需求', body: `${actor.name} 认领了 #${need.id}`, needId: need.id });
      });
    } catch (err) {
      // Losing the race to another claimer is a conflict, not a wrong step by this one; a need that
      // was cancelled or merged meanwhile stays INVALID_TRANSITION.
      if (err instanceof AppError && err.code === 'INVALID_TRANSITION') {
        const now = await ctx.ds.manager.findOne(Need, { where: { id: needId } });
        if (now?.receiverUserId && now.receiverUserId !== ctx.actor.userId) throw conflict('已被其他党员认领');
      }
      throw err;
    }
  },
});
