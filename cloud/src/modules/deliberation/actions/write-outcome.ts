import { ZWriteOutcomeRequest } from '@hg/types/deliberation-schemas';
import { defineAction } from '../../../core/action';
import { runMatterStep } from '../matter-flow';
import { move } from '../matters';

/** 结果运用: staff write (and may rewrite) how the result is applied; publishing it is a separate step. */
export const writeOutcome = defineAction({
  input: ZWriteOutcomeRequest,
  handler: ({ matterId, outcome }, ctx) =>
    runMatterStep(ctx, matterId, (em, m, now) => move(em, m, 'writeOutcome', ctx.actor.userId, now, { outcome }).then(() => undefined)),
});
