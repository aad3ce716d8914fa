import { ZMergeNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { invalidInput } from '../../../core/errors';
import { Need } from '../need.entity';
import { moveNeed, runNeedAction } from '../need-flow';
import { addFollowers, residentIdsOf } from '../need-followers';

/**
 * 合并: a duplicate is closed into the need it repeats. Its reporter, filer and followers follow the
 * surviving need from now on (they see it and get its resident messages) and are told where to look.
 */
export const mergeNeed = defineAction({
  input: ZMergeNeedRequest,
  handler: ({ needId, intoNeedId }, ctx) =>
    runNeedAction(ctx, needId, 'merge', async ({ em, need, actor, now, notifier }) => {
      const target = await em.findOne(Need, { where: { id: intoNeedId } });
      if (!target || target.communityId !== need.communityId) throw invalidInput('intoNeedId', '目标需求不存在或不在本社区');
      if (['merged', 'cancelled', 'rejected'].includes(target.status)) throw invalidInput('intoNeedId', '不能合并到已关闭的需求');
      await moveNeed(em, need, 'merge', { by: actor.userId, patch: { mergedIntoId: target.id, closedAt: now, updatedAt: now }, note: `与 #${target.id} 重复` });
      // Told before the follow rows exist, so this goes to the duplicate's residents only.
      const residents = await residentIdsOf(em, need);
      await addFollowers(em, need, target, now);
      await notifier.to(em, [...residents, need.createdById], {
        title: '需求已合并',
        body: `您的需求 #${need.id} 与 #${target.id} 相同，已合并办理，可在 #${target.id} 查看进度`,
        kind: 'need_update',
        subject: { subjectKind: 'need', subjectId: target.id },
      });
    }),
});
