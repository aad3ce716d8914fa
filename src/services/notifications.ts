import { client } from './client';

/** 消息中心: what happened to my needs, my homes and my work, newest first, with the unread count. */
export const notifications = client('notifications', ['list', 'markRead']);
