import { ZMergeNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { invalidInput } from '../../../core/errors';
import { Need } from '../need.entity';
import { forResident, moveNeed, runNeedAction } from '../need-flow';

/** 合并: a duplicate is closed into the need it repeats; its reporter is told where to follow. */
export const mergeNeed = defineAction({
  input: ZMergeNeedRequest,
  handler: ({ needId, intoNeedId }, ctx) =>
    runNeedAction(ctx, needId, 'merge', async ({ em, need, actor, now, notifier }) => {
      const target = await em.findOne(Need, { where: { id: intoNeedId } });
      if (!target || target.communityId !== need.communityId) throw invalidInput('intoNeedId', '目标需求不存在或不在本社区');
      if (['merged', 'cancelled', 'rejected'].includes(target.status)) throw invalidInput('intoNeedId', '不能合并到已关闭的需求');
      await moveNeed(em, need, 'merge', { by: actor.userId, patch: { mergedIntoId: target.id, closedAt: now, updatedAt: now }, note: `与 #${target.id} 重复` });
      await notifier.to(em, [need.reporterId], { title: '需求已合并', body: `您的需求与 #${target.id} 相同，已合并办理`, ...forResident(target) });
    }),
});
