import { localYear } from '@hg/types';
import { ZCommitmentRequest } from '@hg/types/party-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { commitmentSummary } from '../commitments';

/** 我的承诺: planned vs recorded vs approved hours of a year (this year by default). */
export const myCommitment = defineAction({
  input: ZCommitmentRequest,
  handler: ({ year }, ctx) => commitmentSummary(ctx.ds.manager, ctx.actor, year ?? localYear(clock.now())),
});
