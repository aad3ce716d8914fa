import { ZDecideHoursRequest } from '@hg/types/party-schemas';
import { defineAction } from '../../../core/action';
import { decideHours as decide } from '../hours';

/** 工时审核 › 认定 / 不认定. */
export const decideHours = defineAction({ input: ZDecideHoursRequest, handler: (input, ctx) => decide(ctx, input) });
