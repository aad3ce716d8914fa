import { ZAttendRequest } from '@hg/types/party-schemas';
import { defineAction } from '../../../core/action';
import { checkOutMember } from '../activities';

/** 签退: the hours become pending with their minutes. */
export const checkOut = defineAction({ input: ZAttendRequest, handler: (input, ctx) => checkOutMember(ctx, input) });
