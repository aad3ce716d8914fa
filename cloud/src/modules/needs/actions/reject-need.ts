import { REJECT_REASON_LABEL, ZRejectNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forResident, moveNeed, runNeedAction } from '../need-flow';

/** 不予受理 with a reason code: reported as "closed without fixing", never as solved. */
export const rejectNeed = defineAction({
  input: ZRejectNeedRequest,
  handler: ({ needId, reasonCode, note }, ctx) =>
    runNeedAction(ctx, needId, 'reject', async ({ em, need, actor, now, notifier }) => {
      const text = `${REJECT_REASON_LABEL[reasonCode]}${note ? `：${note}` : ''}`;
      await moveNeed(em, need, 'reject', { by: actor.userId, patch: { rejectReason: reasonCode, closedAt: now, updatedAt: now }, note: text });
      await notifier.to(em, [need.reporterId], { title: '需求不予受理', body: `#${need.id} ${text}`, ...forResident(need) });
    }),
});
