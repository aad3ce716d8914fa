import { ZTransferNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { conflict } from '../../../core/errors';
import { Need } from '../need.entity';
import { changeNeed, forStaff, hoursFrom, moveNeed, receiversToTell } from '../need-flow';
import { tellResidents } from '../need-followers';
import { assertReceiver } from '../need-receivers';

/**
 * 转单: community staff (or a head the need climbed to) move the need to another receiver; it waits
 * for acceptance again. Answers small, like dispatch: the page re-reads the detail.
 */
export const transferNeed = defineAction({
  input: ZTransferNeedRequest,
  handler: ({ needId, orgId, userId, note, seenAt }, ctx) =>
    changeNeed(ctx, needId, 'transfer', async ({ em, need, category, actor, now, notifier }) => {
      // The status stays `dispatched`, so two people re-dispatching at once are told apart by
      // updatedAt: the view they acted on (seenAt) and a compare-and-set on it in this transaction.
      const stale = () => conflict('该需求刚刚被其他人处理，请刷新后查看');
      if (seenAt && need.updatedAt.getTime() !== Date.parse(seenAt)) throw stale();
      const claimed = await em.update(Need, { id: need.id, updatedAt: need.updatedAt }, { updatedAt: now });
      if (claimed.affected !== 1) throw stale();
      const previous = receiversToTell(em, need);
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
      await notifier.to(em, receiversToTell(em, need), {
        title: `转来的需求：${category.name}`,
        body: `#${need.id} ${need.description.slice(0, 30)}`,
        ...forStaff(need),
      });
      await tellResidents(em, notifier, need, { title: '需求已转单', body: `#${need.id} 已转给${to.name}办理` });
    }),
});
