import { notificationsModule } from '../../src/modules/notifications';
import { deployFunction } from '../../src/wiring';

export const main = deployFunction('notifications', [notificationsModule]);
