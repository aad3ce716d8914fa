import type { ActionTableFor } from '../../core/action';
import type { DomainModule } from '../../core/module';
import { identityModule } from '../identity';
import { listNotifications } from './actions/list-notifications';
import { markRead } from './actions/mark-read';
import { Notification } from './notification.entity';

/** The `notifications` cloud function's action table: the in-app message centre. */
export const notificationActions = {
  list: listNotifications,
  markRead,
} satisfies ActionTableFor<'notifications'>;

/** The message centre (消息中心) every module writes to through its Notifier. */
export const notificationsModule: DomainModule = {
  name: 'notifications',
  entities: [Notification],
  requires: [identityModule],
  functions: { notifications: notificationActions },
};
