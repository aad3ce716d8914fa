import { createTimerMain } from '../../src/core/wechat';
import { escalationActions } from '../../src/modules/escalation';

export const main = createTimerMain(escalationActions, 'tick');
