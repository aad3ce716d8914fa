import { createMain } from '../../src/core/wechat';
import { meActions } from '../../src/modules/users';

export const main = createMain(meActions);
