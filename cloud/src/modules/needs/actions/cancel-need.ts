import { ZCancelNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { communityStaffOf, receiverUserIds, runNeedAction, transition } from '../need-flow';

/** 撤销: the resident withdraws the need before anyone accepted it. */
export const cancelNeed = defineAction({
  input: ZCancelNeedRequest,
  handler: ({ needId, reason }, ctx) =>
    runNeedAction(ctx, needId, 'cancel', async ({ em, need, actor, now, notifier }) => {
      const receivers = await receiverUserIds(em, need);
      await transition(em, need, 'cancel', actor.userId, { closedAt: now, updatedAt: now }, reason ?? null);
      await notifier.to(em, [...receivers, ...(await communityStaffOf(em, need))], { title: '居民已撤销需求', body: `#${need.id}`, needId: need.id }, actor.userId);
    }),
});
