import { ZCorrectHoursRequest } from '@hg/types/party-schemas';
import { defineAction } from '../../../core/action';
import { correctHours as correct } from '../hours';

/** 更正时长: before, after, actor and reason kept in the record's history. */
export const correctHours = defineAction({ input: ZCorrectHoursRequest, handler: (input, ctx) => correct(ctx, input) });
