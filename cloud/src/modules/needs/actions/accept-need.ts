import { ZNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forResident, hoursFrom, moveNeed, runNeedAction } from '../need-flow';

/** 接单: the receiver takes the dispatched need; the resolve clock starts. */
export const acceptNeed = defineAction({
  input: ZNeedRequest,
  handler: ({ needId }, ctx) =>
    runNeedAction(ctx, needId, 'accept', async ({ em, need, category, actor, now, notifier }) => {
      await moveNeed(em, need, 'accept', {
        by: actor.userId,
        patch: {
          receiverUserId: need.receiverUserId,
          firstResponseAt: need.firstResponseAt ?? now,
          resolveDueAt: hoursFrom(now, category.resolveSlaHours),
          updatedAt: now,
        },
      });
      await notifier.to(em, [need.reporterId], { title: '已接单', body: `#${need.id} ${category.name} 已有人接单`, ...forResident(need) });
    }),
});
