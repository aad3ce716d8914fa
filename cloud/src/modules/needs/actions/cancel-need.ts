import { ZCancelNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { communityStaffOf, forStaff, moveNeed, receiverUserIds, runNeedAction } from '../need-flow';

/** 撤销: the resident withdraws the need before anyone accepted it. */
export const cancelNeed = defineAction({
  input: ZCancelNeedRequest,
  handler: ({ needId, reason }, ctx) =>
    runNeedAction(ctx, needId, 'cancel', async ({ em, need, actor, now, notifier }) => {
      const receivers = await receiverUserIds(em, need);
      await moveNeed(em, need, 'cancel', { by: actor.userId, patch: { closedAt: now, updatedAt: now }, note: reason ?? null });
      await notifier.to(
        em,
        [...receivers, ...(await communityStaffOf(em, need))],
        { title: '居民已撤销需求', body: `#${need.id}`, ...forStaff(need) },
        actor.userId,
      );
    }),
});
