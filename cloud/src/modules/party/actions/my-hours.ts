import { ZMyHoursRequest } from '@hg/types/party-schemas';
import { defineAction } from '../../../core/action';
import { myHours as mine } from '../hours';

/** 我的时长: the member's records of a year. */
export const myHours = defineAction({ input: ZMyHoursRequest, handler: ({ year }, ctx) => mine(ctx, year) });
