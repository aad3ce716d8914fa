import { ZReopenNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { communityStaffOf, escalate, forResident, forStaff, moveNeed, receiverUserIds, runNeedAction } from '../need-flow';
import { followerIdsOf } from '../need-followers';

/**
 * 重新打开 within 7 days of 办结, at most twice, also after the resident has rated (评单 closes the
 * need but not the window). It goes back to the same receiver; the second reopen also climbs the
 * ladder. A rating is cleared on reopen (it stays in the event history): the service statistics
 * must not count stars given to a problem that turned out not to be fixed.
 */
export const reopenNeed = defineAction({
  input: ZReopenNeedRequest,
  handler: ({ needId, reason }, ctx) =>
    runNeedAction(ctx, needId, 'reopen', async ({ em, need, category, actor, now, notifier }) => {
      const count = need.reopenCount + 1;
      await moveNeed(em, need, 'reopen', {
        by: actor.userId,
        patch: {
          reopenCount: count,
          resolvedAt: null,
          resolutionNote: null,
          rating: null,
          ratingComment: null,
          closedAt: null,
          resolveDueAt: new Date(now.getTime() + category.resolveSlaHours * 3600 * 1000),
          updatedAt: now,
        },
        note: reason,
      });
      await notifier.to(em, await receiverUserIds(em, need), { title: '居民重新打开了需求', body: `#${need.id} ${reason}`, ...forStaff(need) });
      await notifier.to(em, await communityStaffOf(em, need), { title: '需求被重新打开', body: `#${need.id} 第${count}次`, ...forStaff(need) });
      await notifier.to(em, await followerIdsOf(em, need.id), { title: '需求已重新打开', body: `#${need.id} ${reason}`, ...forResident(need) }, actor.userId);
      if (count >= 2) await escalate(em, need, '居民第二次重新打开', notifier, now, actor.userId);
    }),
});
