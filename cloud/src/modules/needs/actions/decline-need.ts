import { ZDeclineNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { communityStaffOf, forStaff, moveNeed, runNeedAction } from '../need-flow';

/** 退单: the receiver hands the need back to the community with a reason. */
export const declineNeed = defineAction({
  input: ZDeclineNeedRequest,
  handler: ({ needId, reason }, ctx) =>
    runNeedAction(ctx, needId, 'decline', async ({ em, need, actor, now, notifier }) => {
      await moveNeed(em, need, 'decline', {
        by: actor.userId,
        patch: { receiverOrgId: null, receiverUserId: null, resolveDueAt: null, updatedAt: now },
        note: reason,
      });
      await notifier.to(em, await communityStaffOf(em, need), { title: '接单方退单', body: `#${need.id} ${reason}`, ...forStaff(need) });
    }),
});
