import { ZSignUpRequest } from '@hg/types/party-schemas';
import { defineAction } from '../../../core/action';
import { signUp as join } from '../activities';

/** 报名: a seat through the engine's `reserve`; the answer carries the check-in code. */
export const signUp = defineAction({ input: ZSignUpRequest, handler: ({ activityId, requestId }, ctx) => join(ctx, activityId, requestId) });
