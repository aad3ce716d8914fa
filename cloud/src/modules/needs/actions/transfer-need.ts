import { ZTransferNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forStaff, hoursFrom, moveNeed, receiverUserIds, runNeedAction } from '../need-flow';
import { assertReceiver } from '../need-receivers';

/** 转单: community staff move the need to another receiver; it waits for acceptance again. */
export const transferNeed = defineAction({
  input: ZTransferNeedRequest,
  handler: ({ needId, orgId, userId, note }, ctx) =>
    runNeedAction(ctx, needId, 'transfer', async ({ em, need, category, actor, now, notifier }) => {
      const previous = await receiverUserIds(em, need);
      const to = await assertReceiver(em, need, { orgId, userId });
      await moveNeed(em, need, 'transfer', {
        by: actor.userId,
        patch: {
          receiverOrgId: orgId ?? null,
          receiverUserId: userId ?? null,
          acceptDueAt: hoursFrom(now, category.acceptSlaHours),
          resolveDueAt: null,
          updatedAt: now,
        },
        note: note ?? `转给${to.name}`,
      });
      await notifier.to(em, previous, { title: '需求已转出', body: `#${need.id} 已转给${to.name}`, ...forStaff(need) });
      await notifier.to(em, await receiverUserIds(em, need), {
        title: `转来的需求：${category.name}`,
        body: `#${need.id} ${need.description.slice(0, 30)}`,
        ...forStaff(need),
      });
    }),
});
