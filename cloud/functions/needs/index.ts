import { createMain } from '../../src/core/wechat';
import { needActions } from '../../src/modules/needs';

export const main = createMain(needActions);
