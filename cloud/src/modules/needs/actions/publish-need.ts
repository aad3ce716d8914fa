import { ZNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { invalidInput } from '../../../core/errors';
import { usersWithRoleOver } from '../../identity/public';
import { forStaff, hoursFrom, moveNeed, runNeedAction } from '../need-flow';

/** 发布认领: open the need for party members of the compound to claim. */
export const publishNeed = defineAction({
  input: ZNeedRequest,
  handler: ({ needId }, ctx) =>
    runNeedAction(ctx, needId, 'publish', async ({ em, need, category, actor, now, notifier }) => {
      if (!category.partyClaimable) throw invalidInput('needId', '该类别不允许党员认领');
      await moveNeed(em, need, 'publish', { by: actor.userId, patch: { acceptDueAt: hoursFrom(now, category.acceptSlaHours), updatedAt: now } });
      await notifier.to(em, await usersWithRoleOver(em, ['party_member'], need), {
        title: `待认领：${category.name}`,
        body: `#${need.id} ${need.description.slice(0, 30)}`,
        ...forStaff(need),
      });
    }),
});
