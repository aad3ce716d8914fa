import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ApiError, NotificationDTO } from '@hg/types';
import { linkTo } from '@hg/types/links';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import { FOCUSABLE } from '../../../../components/a11y';
import { notifications } from '../../../../services/notifications';
import { formatTime } from '../../../../utils/format';
import { openPage } from '../../../../routes';
import './index.scss';

/** Where a message opens (`linkTo`, shared with the server's subscribe messages); null when it is about nothing. */
function targetOf(n: NotificationDTO): string | null {
  if (!n.subjectKind || !n.subjectId) return null;
  return linkTo({ subjectKind: n.subjectKind, subjectId: n.subjectId });
}

/** 消息中心 (我的): newest first; unread ones are marked, tapping one marks it read and opens its subject. */
export default function MessagesPage() {
  const [items, setItems] = useState<NotificationDTO[]>([]);
  const [unread, setUnread] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);

  const load = async (from: string | null) => {
    setLoading(true);
    setError(null);
    const res = await notifications.list({ limit: 20, ...(from ? { cursor: from } : {}) });
    setLoading(false);
    if (!res.ok) return setError(res.error);
    setItems((prev) => (from ? [...prev, ...res.data.items] : res.data.items));
    setCursor(res.data.nextCursor);
    setUnread(res.data.unread);
    return undefined;
  };
  useDidShow(() => void load(null));

  const markRead = async (ids: number[]) => {
    if (!ids.length) return;
    const res = await notifications.markRead({ ids });
    if (!res.ok) return;
    setItems((prev) => prev.map((n) => (ids.includes(n.id) ? { ...n, read: true } : n)));
    setUnread((u) => Math.max(0, u - res.data.updated));
  };

  const open = (n: NotificationDTO) => {
    if (!n.read) void markRead([n.id]);
    const target = targetOf(n);
    if (target) openPage(target);
  };

  return (
    <Page title='消息中心'>
      <View className='msg__top'>
        <View className='msg__count' data-testid='unread-count' aria-live='polite'>
          {unread ? `${unread} 条未读` : '没有未读消息'}
        </View>
        {unread ? (
          <View
            className='btn btn--ghost msg__all'
            role='button'
            {...FOCUSABLE}
            data-testid='mark-all-read'
            onClick={() => markRead(items.filter((n) => !n.read).map((n) => n.id))}
          >
            全部标为已读
          </View>
        ) : null}
      </View>
      <View role='list' aria-label='消息'>
        {items.map((n) => (
          <View key={n.id} className={`msg__item ${n.read ? '' : 'msg__item--unread'}`} role='listitem' data-testid={`message-${n.id}`}>
            <View className='msg__link' role={targetOf(n) ? 'link' : undefined} {...FOCUSABLE} onClick={() => open(n)}>
              <View className='msg__head'>
                {n.read ? null : <View className='msg__dot'>未读</View>}
                <View className='msg__title'>{n.title}</View>
              </View>
              <View className='msg__body'>{n.body}</View>
              <View className='muted msg__time'>{formatTime(n.createdAt)}</View>
            </View>
          </View>
        ))}
      </View>
      <StateView loading={loading} error={error} empty={!loading && !error && items.length === 0} emptyText='暂无消息' onRetry={() => load(null)} />
      {cursor && !loading ? (
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='load-more' onClick={() => load(cursor)}>
          加载更多
        </View>
      ) : null}
    </Page>
  );
}
