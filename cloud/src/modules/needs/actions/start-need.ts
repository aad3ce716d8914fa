import { ZNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { runNeedAction, transition } from '../need-flow';

/** 开始处理. */
export const startNeed = defineAction({
  input: ZNeedRequest,
  handler: ({ needId }, ctx) =>
    runNeedAction(ctx, needId, 'start', async ({ em, need, actor, now, notifier }) => {
      await transition(em, need, 'start', actor.userId, { updatedAt: now });
      await notifier.to(em, [need.reporterId], { title: '开始处理', body: `#${need.id} 正在处理`, needId: need.id });
    }),
});
