import { ZPublishActivityRequest } from '@hg/types/party-schemas';
import { defineAction } from '../../../core/action';
import { publishActivity as publish } from '../activities';

/** 发布党群活动: a slot of kind `activity` on the engine, with the programme's row. */
export const publishActivity = defineAction({ input: ZPublishActivityRequest, handler: (input, ctx) => publish(ctx, input) });
