import type { ActionTableFor } from '../../core/action';
import type { DomainModule } from '../../core/module';
import { listNotifications } from './actions/list-notifications';
import { markRead } from './actions/mark-read';
import { NotificationPush1765913371000 } from './migrations/1765913371000-NotificationPush';
import { PushPriority1766200000000 } from './migrations/1766200000000-PushPriority';
import { Notification } from './notification.entity';

/** The `notifications` cloud function's action table: the in-app message centre. */
export const notificationActions = {
  list: listNotifications,
  markRead,
} satisfies ActionTableFor<'notifications'>;

/**
 * The message centre (消息中心) every module writes to through its Notifier. Its rows are also the
 * outbox of WeChat pushes, which the `pushes` module sends from the timer function only.
 */
export const notificationsModule: DomainModule = {
  name: 'notifications',
  entities: [Notification],
  migrations: [NotificationPush1765913371000, PushPriority1766200000000],
  functions: { notifications: notificationActions },
};
