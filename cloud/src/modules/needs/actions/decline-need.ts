import { ZDeclineNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { communityStaffOf, forStaff, moveNeed, runNeedAction } from '../need-flow';
import { tellResidents } from '../need-followers';

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
      await tellResidents(em, notifier, need, { title: '需求已退回社区重新派单', body: `#${need.id} 接单方退单：${reason}。社区将重新安排` });
    }),
});
