import { ZReviseMatterRequest } from '@hg/types/deliberation-schemas';
import { defineAction } from '../../../core/action';
import { runMatterStep } from '../matter-flow';
import { reviseMatter as revise } from '../matters';

/** A new version from 发布公告 or 组织协商: old ballots void (their households told), notice period again. */
export const reviseMatter = defineAction({
  input: ZReviseMatterRequest,
  handler: ({ matterId, ...input }, ctx) =>
    runMatterStep(ctx, matterId, async (em, m, now, notifier) => {
      await revise(em, notifier, m, input, ctx.actor.userId, now);
    }),
});
