import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ReservationDTO } from '@hg/types';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import { FOCUSABLE } from '../../../../components/a11y';
import { usePaged } from '../../../../hooks/usePaged';
import { bookings } from '../../../../services/bookings';
import { ROUTES, openPage } from '../../../../routes';
import ReservationTicket from '../../components/ReservationTicket';
import { splitUpcoming } from '../../format';
import './index.scss';

const PAGE_SIZE = 20;

function Group({ id, title, items, onChange }: { id: string; title: string; items: ReservationDTO[]; onChange: (r: ReservationDTO) => void }) {
  return (
    <View className={`vmine__group vmine__group--${id}`} role='group' aria-labelledby={`vmine-${id}`} data-testid={`reservations-${id}`}>
      <View id={`vmine-${id}`} className='vmine__group-title' role='heading' aria-level={2}>
        {title}（{items.length}）
      </View>
      <View role='list' aria-label={title}>
        {items.map((r) => (
          <View key={r.id} role='listitem' className='vmine__item'>
            <ReservationTicket reservation={r} onChange={onChange} />
          </View>
        ))}
      </View>
    </View>
  );
}

/**
 * 我的预约: rooms, consultations, visits, meetings and activities I hold or booked, 接下来的 first
 * (nearest first, each with the code to show at check-in, 确认候补 while an offer stands, 取消 before
 * the cut-off) above 以往的.
 */
export default function MyReservationsPage() {
  const [visit, setVisit] = useState(0);
  // An offer from the waitlist may have come while the resident was elsewhere.
  useDidShow(() => setVisit((v) => v + 1));
  const list = usePaged((cursor) => bookings.myReservations({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }), [visit]);
  const { upcoming, past } = splitUpcoming(list.items);
  const onChange = (next: ReservationDTO) => list.update((x) => x.id === next.id, next);
  const some = list.items.length > 0;
  return (
    <Page title='我的预约'>
      <View className='btn btn--primary vmine__go' role='button' {...FOCUSABLE} data-testid='go-venue-slots' onClick={() => openPage(ROUTES.venueSlots)}>
        预约活动室、咨询、活动
      </View>
      <View data-testid='reservation-list'>
        {some ? (
          upcoming.length ? (
            <Group id='upcoming' title='接下来的预约' items={upcoming} onChange={onChange} />
          ) : (
            <View className='vmine__none' data-testid='reservations-upcoming-none'>
              接下来没有预约。
            </View>
          )
        ) : null}
        {past.length ? <Group id='past' title='以往的预约' items={past} onChange={onChange} /> : null}
      </View>
      <StateView
        loading={list.loading}
        error={list.error}
        empty={!list.loading && !list.error && !some}
        emptyText='还没有预约'
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
