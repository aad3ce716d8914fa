import { notificationActions, notificationsModule } from '../../src/modules/notifications';
import { deployFunction } from '../../src/wiring';

export const main = deployFunction([notificationsModule], notificationActions);
