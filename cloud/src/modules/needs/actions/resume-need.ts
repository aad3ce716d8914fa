import { ZNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forResident, moveNeed, runNeedAction } from '../need-flow';

/** 恢复处理 before the resume time (the timer does it when the time comes). */
export const resumeNeed = defineAction({
  input: ZNeedRequest,
  handler: ({ needId }, ctx) =>
    runNeedAction(ctx, needId, 'resume', async ({ em, need, actor, now, notifier }) => {
      await moveNeed(em, need, 'resume', { by: actor.userId, patch: { holdUntil: null, updatedAt: now } });
      await notifier.to(em, [need.reporterId], { title: '恢复处理', body: `#${need.id} 已恢复处理`, ...forResident(need) });
    }),
});
