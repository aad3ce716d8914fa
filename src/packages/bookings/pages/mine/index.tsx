import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import Page from '../../../../components/Page';
import PagedList from '../../../../components/PagedList';
import { FOCUSABLE } from '../../../../components/a11y';
import { usePaged } from '../../../../hooks/usePaged';
import { bookings } from '../../../../services/bookings';
import { ROUTES, openPage } from '../../../../routes';
import BookingTicket from '../../components/BookingTicket';
import './index.scss';

const PAGE_SIZE = 20;

/** 我的订餐: every booking I hold or placed, newest sitting first, each with its code (and QR) for the counter. */
export default function MyBookingsPage() {
  const [visit, setVisit] = useState(0);
  // A waitlisted seat may have been offered while the elder was elsewhere.
  useDidShow(() => setVisit((v) => v + 1));
  const list = usePaged((cursor) => bookings.mine({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }), [visit]);
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
      <PagedList
        label='我的订餐'
        list={list}
        keyOf={(b) => b.id}
        itemClassName='mybk__item'
        renderItem={(b) => (
          <BookingTicket booking={b} meal={b.slot.kind === 'meal'} showSlot showQr onChange={(next) => list.update((x) => x.id === next.id, next)} />
        )}
        emptyText='还没有订餐'
        testId='booking-list'
      />
    </Page>
  );
}
