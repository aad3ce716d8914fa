import { ZDispatchNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { changeNeed, forResident, forStaff, hoursFrom, moveNeed, receiversToTell } from '../need-flow';
import { assertReceiver } from '../need-receivers';

/**
 * 社区派单: community staff give the need to an organisation or a party member. Answers small: the
 * dispatcher's page re-reads the detail (needs.get) to show the need with its receiver.
 */
export const dispatchNeed = defineAction({
  input: ZDispatchNeedRequest,
  handler: ({ needId, orgId, userId, note }, ctx) =>
    changeNeed(ctx, needId, 'dispatch', async ({ em, need, category, actor, now, notifier }) => {
      const to = await assertReceiver(em, need, { orgId, userId });
      await moveNeed(em, need, 'dispatch', {
        by: actor.userId,
        patch: {
          receiverOrgId: orgId ?? null,
          receiverUserId: userId ?? null,
          acceptDueAt: hoursFrom(now, category.acceptSlaHours),
          updatedAt: now,
        },
        note: note ?? `派给${to.name}`,
      });
      await notifier.to(em, receiversToTell(em, need), {
        title: `新派单：${category.name}`,
        body: `#${need.id} ${need.description.slice(0, 30)}`,
        ...forStaff(need),
      });
      await notifier.to(em, [need.reporterId], { title: '社区已派单', body: `您的需求已派给${to.name}`, ...forResident(need) });
    }),
});
