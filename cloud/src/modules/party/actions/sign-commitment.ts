import { ZSignCommitmentRequest } from '@hg/types/party-schemas';
import { defineAction } from '../../../core/action';
import { signCommitment as sign } from '../commitments';

/** 履职承诺书: sign (or re-sign) this year's commitment. */
export const signCommitment = defineAction({ input: ZSignCommitmentRequest, handler: (input, ctx) => sign(ctx, input) });
