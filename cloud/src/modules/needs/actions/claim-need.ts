import { ZNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forResident, hoursFrom, moveNeed, runNeedAction } from '../need-flow';

/**
 * 主动认领: a party member takes an open need. The compare-and-set on `open_for_claim` means that
 * of twenty members tapping at once exactly one wins; the others lose the race (CONFLICT) or, if
 * they arrive after it was taken, no longer see it (NOT_FOUND: a taken need is not theirs to see).
 */
export const claimNeed = defineAction({
  input: ZNeedRequest,
  handler: ({ needId }, ctx) =>
    runNeedAction(ctx, needId, 'claim', async ({ em, need, category, actor, now, notifier }) => {
      await moveNeed(em, need, 'claim', {
        by: actor.userId,
        patch: {
          receiverUserId: actor.userId,
          receiverOrgId: null,
          firstResponseAt: need.firstResponseAt ?? now,
          resolveDueAt: hoursFrom(now, category.resolveSlaHours),
          updatedAt: now,
        },
      });
      await notifier.to(em, [need.reporterId], { title: '党员已认领您的需求', body: `${actor.name} 认领了 #${need.id}`, ...forResident(need) });
    }),
});
