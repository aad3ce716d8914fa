import { ZMatterRequest } from '@hg/types/deliberation-schemas';
import { defineAction } from '../../../core/action';
import { invalidInput } from '../../../core/errors';
import { runMatterStep } from '../matter-flow';
import { move, tellElectorate } from '../matters';

/** 反馈公示: the written outcome is published with the stored tally; the electorate's verified members are told. */
export const publishOutcome = defineAction({
  input: ZMatterRequest,
  handler: ({ matterId }, ctx) =>
    runMatterStep(ctx, matterId, async (em, m, now, notifier) => {
      if (m.status === 'closed' && !m.outcome) throw invalidInput('outcome', '请先填写结果运用说明');
      await move(em, m, 'publishOutcome', ctx.actor.userId, now, { outcomePublishedAt: now });
      await tellElectorate(em, notifier, m, '议题结果已公示', `「${m.title}」的表决结果和结果运用已公示`);
    }),
});
