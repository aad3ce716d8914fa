import { ZMatterRequest } from '@hg/types/deliberation-schemas';
import { defineAction } from '../../../core/action';
import { runMatterStep } from '../matter-flow';
import { closeVote } from '../tally';

/** Manual close by an organiser, only at or after `closesAt`: the same function as the timer's (tally stored once). */
export const closeMatter = defineAction({
  input: ZMatterRequest,
  handler: ({ matterId }, ctx) =>
    runMatterStep(ctx, matterId, (em, m, now) => closeVote(em, m.id, now, ctx.actor.userId).then(() => undefined)),
});
