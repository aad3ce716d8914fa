import { ZRateNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forStaff, moveNeed, receiverUserIds, runNeedAction } from '../need-flow';

/** 群众评单: 1–5 stars and a comment, once (the compare-and-set on `resolved` closes the need). */
export const rateNeed = defineAction({
  input: ZRateNeedRequest,
  handler: ({ needId, stars, comment }, ctx) =>
    runNeedAction(ctx, needId, 'rate', async ({ em, need, actor, now, notifier }) => {
      await moveNeed(em, need, 'rate', {
        by: actor.userId,
        patch: { rating: stars, ratingComment: comment ?? null, closedAt: now, updatedAt: now },
        note: `${stars}星${comment ? `：${comment}` : ''}`,
      });
      await notifier.to(em, await receiverUserIds(em, need), { title: `居民评价 ${stars} 星`, body: `#${need.id} ${comment ?? ''}`, ...forStaff(need) });
    }),
});
