import { ZResolveNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forResident, moveNeed, runNeedAction } from '../need-flow';
import { followerIdsOf } from '../need-followers';
import { attachPhotos } from '../need-photos';

/** 办结: a completion note and at least one photo; the resident is asked to rate. */
export const resolveNeed = defineAction({
  input: ZResolveNeedRequest,
  handler: ({ needId, note, photoIds }, ctx) =>
    runNeedAction(ctx, needId, 'resolve', async ({ em, need, actor, now, notifier }) => {
      await moveNeed(em, need, 'resolve', { by: actor.userId, patch: { resolutionNote: note, resolvedAt: now, updatedAt: now }, note: note });
      await attachPhotos(em, ctx.platform, need.id, 'resolution', photoIds, actor.userId, now);
      await notifier.to(em, [need.reporterId], { title: '需求已办结', body: `#${need.id} 请评价本次服务`, ...forResident(need) });
      // Followers (reporters of merged duplicates) see the outcome; rating stays with the reporter.
      await notifier.to(
        em,
        await followerIdsOf(em, need.id),
        { title: '需求已办结', body: `#${need.id} 已办结，可查看办结情况`, ...forResident(need) },
        need.reporterId,
      );
    }),
});
