import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { BookingDTO } from '@hg/types';
import Page from '../../../../components/Page';
import UpcomingPastList from '../../../../components/UpcomingPastList';
import { FOCUSABLE } from '../../../../components/a11y';
import { usePaged } from '../../../../hooks/usePaged';
import { bookings } from '../../../../services/bookings';
import { ROUTES, openPage } from '../../../../routes';
import BookingTicket from '../../components/BookingTicket';
import BookingRemark from '../../components/BookingRemark';
import { isAhead } from '../../format';
import './index.scss';

const PAGE_SIZE = 20;

/**
 * 我的订餐: every booking I hold or placed, in two groups — 接下来的 (today and later, nearest first,
 * each with its code and QR for the counter, and a meal's 备注 to read or change while it may) above
 * 以往的 (eaten, missed, cancelled, over) — as the server pages them, upcoming first across pages.
 */
export default function MyBookingsPage() {
  const [visit, setVisit] = useState(0);
  // A waitlisted seat may have been offered while the elder was elsewhere.
  useDidShow(() => setVisit((v) => v + 1));
  const list = usePaged((cursor) => bookings.mine({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }), [visit]);
  const onChange = (next: BookingDTO) => list.update((x) => x.id === next.id, next);
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
      <UpcomingPastList
        list={list}
        isUpcoming={(b) => isAhead(b)}
        keyOf={(b) => b.id}
        renderItem={(b) => (
          <>
            <BookingTicket booking={b} meal={b.slot.kind === 'meal'} showSlot showQr onChange={onChange} />
            {b.slot.kind === 'meal' ? <BookingRemark booking={b} onChange={onChange} /> : null}
          </>
        )}
        noun='订餐'
        testId='bookings'
        listTestId='booking-list'
      />
    </Page>
  );
}
