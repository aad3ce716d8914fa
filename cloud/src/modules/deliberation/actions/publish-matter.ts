import { ZPublishMatterRequest } from '@hg/types/deliberation-schemas';
import { defineAction } from '../../../core/action';
import { runMatterStep } from '../matter-flow';
import { publishMatter as publish } from '../matters';

/** 发布公告: text and options frozen as version 1 (number + content hash), electorate snapshotted, the window set after the notice period. */
export const publishMatter = defineAction({
  input: ZPublishMatterRequest,
  handler: ({ matterId, opensAt, closesAt }, ctx) =>
    runMatterStep(ctx, matterId, (em, m, now, notifier) => publish(em, notifier, m, { opensAt, closesAt }, ctx.actor.userId, now)),
});
