import { createMain } from '../../src/core/wechat';
import { communityActions } from '../../src/modules/community';

export const main = createMain(communityActions);
