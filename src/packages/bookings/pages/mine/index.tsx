import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { BookingDTO } from '@hg/types';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import { FOCUSABLE } from '../../../../components/a11y';
import { usePaged } from '../../../../hooks/usePaged';
import { bookings } from '../../../../services/bookings';
import { ROUTES, openPage } from '../../../../routes';
import BookingTicket from '../../components/BookingTicket';
import { splitUpcoming } from '../../format';
import './index.scss';

const PAGE_SIZE = 20;

/** One titled group of tickets: a heading the elder can find, and a list named by it. */
function Group({ id, title, items, onChange }: { id: string; title: string; items: BookingDTO[]; onChange: (b: BookingDTO) => void }) {
  return (
    <View className={`mybk__group mybk__group--${id}`} role='group' aria-labelledby={`mybk-${id}`} data-testid={`bookings-${id}`}>
      <View id={`mybk-${id}`} className='mybk__group-title' role='heading' aria-level={2}>
        {title}（{items.length}）
      </View>
      <View role='list' aria-label={title}>
        {items.map((b) => (
          <View key={b.id} role='listitem' className='mybk__item'>
            <BookingTicket booking={b} meal={b.slot.kind === 'meal'} showSlot showQr onChange={onChange} />
          </View>
        ))}
      </View>
    </View>
  );
}

/**
 * 我的订餐: every booking I hold or placed, in two groups — 接下来的 (today and later, nearest first,
 * each with its code and QR for the counter) above 以往的 (eaten, missed, cancelled, over).
 */
export default function MyBookingsPage() {
  const [visit, setVisit] = useState(0);
  // A waitlisted seat may have been offered while the elder was elsewhere.
  useDidShow(() => setVisit((v) => v + 1));
  const list = usePaged((cursor) => bookings.mine({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }), [visit]);
  const { upcoming, past } = splitUpcoming(list.items);
  const onChange = (next: BookingDTO) => list.update((x) => x.id === next.id, next);
  const some = list.items.length > 0;
  return (
    <Page title='我的订餐'>
      <View className='btn btn--primary mybk__week' role='button' {...FOCUSABLE} data-testid='go-week' onClick={() => openPage(ROUTES.bookingWeek)}>
        看本周菜单、订餐
      </View>
      <View className='btn-row mybk__links'>
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='go-standing' onClick={() => openPage(ROUTES.bookingStanding)}>
          每周固定订餐
        </View>
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='go-family' onClick={() => openPage(ROUTES.bookingFamily)}>
          为家人订餐
        </View>
      </View>
      <View data-testid='booking-list'>
        {some ? (
          upcoming.length ? (
            <Group id='upcoming' title='接下来的订餐' items={upcoming} onChange={onChange} />
          ) : (
            <View className='mybk__none' data-testid='bookings-upcoming-none'>
              接下来没有订餐。
            </View>
          )
        ) : null}
        {past.length ? <Group id='past' title='以往的订餐' items={past} onChange={onChange} /> : null}
      </View>
      <StateView
        loading={list.loading}
        error={list.error}
        empty={!list.loading && !list.error && !some}
        emptyText='还没有订餐'
        onRetry={some ? list.loadMore : list.reload}
      />
      {list.hasMore && !list.loading && !list.error ? (
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='load-more' onClick={list.loadMore}>
          加载更多
        </View>
      ) : null}
    </Page>
  );
}
