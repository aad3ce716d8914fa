import { ZActivitiesRequest } from '@hg/types/party-schemas';
import { defineAction } from '../../../core/action';
import { listActivities as list } from '../activities';

/** 活动: the community's activities for its members and organisers. */
export const listActivities = defineAction({ input: ZActivitiesRequest, handler: ({ communityId }, ctx) => list(ctx, communityId) });
