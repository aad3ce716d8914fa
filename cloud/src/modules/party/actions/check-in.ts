import { ZAttendRequest } from '@hg/types/party-schemas';
import { defineAction } from '../../../core/action';
import { checkInMember } from '../activities';

/** 签到 at the venue by the member's code: the hours open. */
export const checkIn = defineAction({ input: ZAttendRequest, handler: (input, ctx) => checkInMember(ctx, input) });
