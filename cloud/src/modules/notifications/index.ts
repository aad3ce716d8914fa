import { listNotifications } from './actions/list-notifications';
import { markRead } from './actions/mark-read';

/** The `notifications` cloud function's action table: the in-app message centre. */
export const notificationActions = {
  list: listNotifications,
  markRead,
};
