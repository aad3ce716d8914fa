import { createMain } from '../../src/core/wechat';
import { notificationActions } from '../../src/modules/notifications';

export const main = createMain(notificationActions);
