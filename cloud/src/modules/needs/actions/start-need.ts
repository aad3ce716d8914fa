import { ZNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forResident, moveNeed, runNeedAction } from '../need-flow';

/** 开始处理. */
export const startNeed = defineAction({
  input: ZNeedRequest,
  handler: ({ needId }, ctx) =>
    runNeedAction(ctx, needId, 'start', async ({ em, need, actor, now, notifier }) => {
      await moveNeed(em, need, 'start', { by: actor.userId, patch: { updatedAt: now } });
      await notifier.to(em, [need.reporterId], { title: '开始处理', body: `#${need.id} 正在处理`, ...forResident(need) });
    }),
});
