import type { TNotificationsRequest } from '@hg/types';
import { callFunction } from './transport';

/** 消息中心: what happened to my needs and my work, newest first, with the unread count. */
export const notifications = {
  list: (input: TNotificationsRequest) => callFunction('notifications', 'list', input),
  markRead: (ids: number[]) => callFunction('notifications', 'markRead', { ids }),
};
