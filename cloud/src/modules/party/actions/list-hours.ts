import { ZHoursListRequest } from '@hg/types/party-schemas';
import { defineAction } from '../../../core/action';
import { listHours as list } from '../hours';

/** 工时审核: a community's records of hours by status. */
export const listHours = defineAction({ input: ZHoursListRequest, handler: (input, ctx) => list(ctx, input) });
