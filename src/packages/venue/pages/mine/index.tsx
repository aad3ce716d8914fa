import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ReservationDTO } from '@hg/types';
import Page from '../../../../components/Page';
import UpcomingPastList from '../../../../components/UpcomingPastList';
import { FOCUSABLE } from '../../../../components/a11y';
import { usePaged } from '../../../../hooks/usePaged';
import { bookings } from '../../../../services/bookings';
import { ROUTES, openPage } from '../../../../routes';
import ReservationTicket from '../../components/ReservationTicket';
import { isAhead } from '../../format';
import './index.scss';

const PAGE_SIZE = 20;

/**
 * 我的预约: rooms, consultations, visits, meetings and activities I hold or booked, 接下来的 first
 * (nearest first, each with the code to show at check-in, 确认候补 while an offer stands, 取消 before
 * the cut-off) above 以往的 — as the server pages them, upcoming first across pages.
 */
export default function MyReservationsPage() {
  const [visit, setVisit] = useState(0);
  // An offer from the waitlist may have come while the resident was elsewhere.
  useDidShow(() => setVisit((v) => v + 1));
  const list = usePaged((cursor) => bookings.myReservations({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }), [visit]);
  const onChange = (next: ReservationDTO) => list.update((x) => x.id === next.id, next);
  return (
    <Page title='我的预约'>
      <View className='btn btn--primary vmine__go' role='button' {...FOCUSABLE} data-testid='go-venue-slots' onClick={() => openPage(ROUTES.venueSlots)}>
        预约活动室、咨询、活动
      </View>
      <UpcomingPastList
        list={list}
        isUpcoming={(r) => isAhead(r)}
        keyOf={(r) => r.id}
        renderItem={(r) => <ReservationTicket reservation={r} onChange={onChange} />}
        noun='预约'
        testId='reservations'
        listTestId='reservation-list'
      />
    </Page>
  );
}
