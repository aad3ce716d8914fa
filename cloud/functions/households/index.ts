import { createMain } from '../../src/core/wechat';
import { householdActions } from '../../src/modules/households';

export const main = createMain(householdActions);
