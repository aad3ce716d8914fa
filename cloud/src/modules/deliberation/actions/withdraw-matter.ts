import { ZWithdrawMatterRequest } from '@hg/types/deliberation-schemas';
import { defineAction } from '../../../core/action';
import { runMatterStep } from '../matter-flow';
import { move } from '../matters';

/** 撤回: before close, with a reason (kept on the matter and in its event). Ballots are kept as they were and never counted. */
export const withdrawMatter = defineAction({
  input: ZWithdrawMatterRequest,
  handler: ({ matterId, reason }, ctx) =>
    runMatterStep(ctx, matterId, (em, m, now) => move(em, m, 'withdraw', ctx.actor.userId, now, { withdrawnReason: reason }, { reason }).then(() => undefined)),
});
