import { useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { BookingDTO } from '@hg/types';
import Page from '../../../../components/Page';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import StateView from '../../../../components/StateView';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { bookings } from '../../../../services/bookings';
import { ROUTES, openPage, withQuery } from '../../../../routes';
import CentrePicker from '../../components/CentrePicker';
import { byDay, dayLabel, queryText } from '../../format';
import { queryId, useCentre } from '../../use-centre';
import SlotCard from './SlotCard';
import './index.scss';

/**
 * 本周菜单: the centre's meals for seven days, one card per sitting, booked one decision at a time.
 * The elder books for themselves (their profile from `myElders`); centre staff arrive from 助餐管理
 * with `elderId` (and `elderName`) to book for a walk-in or a phone call.
 */
export default function WeekPage() {
  const { params } = useRouter();
  const centre = useCentre(queryId(params.centreId));
  const proxyElderId = queryId(params.elderId);
  const proxyName = queryText(params.elderName);
  const [visit, setVisit] = useState(0);
  // Back from 建档 or 我的订餐: the profile or the bookings may have changed.
  useDidShow(() => setVisit((v) => v + 1));

  const elders = useLoad(proxyElderId ? null : () => bookings.myElders({}), [visit]);
  const [pickedElder, setPickedElder] = useState<number | null>(null);
  const { centreId } = centre;
  // Only the profiles registered with the chosen centre can book its sittings.
  const mine = (elders.data ?? []).filter((e) => !centreId || e.centreId === centreId);
  const elderId = proxyElderId ?? pickedElder ?? mine[0]?.id ?? null;
  const elder = mine.find((e) => e.id === elderId) ?? null;

  const week = useLoad(centreId && elderId ? () => bookings.week({ centreId, elderId, kind: 'meal' }) : null, [centreId, elderId, visit]);
  // Bookings made or changed on this page, over the server's week until the next load.
  const [changed, setChanged] = useState<Record<number, BookingDTO>>({});
  const onBooking = (b: BookingDTO) => setChanged((c) => ({ ...c, [b.slotId]: b }));

  const centreName = centre.centres.find((c) => c.id === centreId)?.name;
  const noProfile = !proxyElderId && elders.data !== null && mine.length === 0;

  return (
    <Page title={proxyElderId ? `为${proxyName || '老人'}代订` : '本周菜单'}>
      {centreName ? <View className='week__centre'>{centreName}</View> : null}
      <CentrePicker centre={centre} emptyText='您所在的小区暂时没有日间照料中心提供助餐服务。' />
      {!proxyElderId && centreId ? <StateView loading={elders.loading && !elders.data} error={elders.error} onRetry={elders.reload} /> : null}

      {centreId && noProfile ? (
        <View className='card week__register' data-testid='no-profile'>
          <View className='week__register-title' role='heading' aria-level={2}>
            您还没有在日间照料中心建档
          </View>
          <View className='muted'>建档后就可以订餐。只需填写出生年份和饮食要求，符合条件的还能享受助餐补贴。</View>
          <View
            className='btn btn--primary'
            role='button'
            {...FOCUSABLE}
            data-testid='go-register'
            onClick={() => openPage(withQuery(ROUTES.bookingRegister, { centreId }))}
          >
            去建档
          </View>
        </View>
      ) : null}

      {centreId && elderId ? (
        <>
          {!proxyElderId && mine.length > 1 ? (
            <ChoiceGroup
              id='week-elder'
              label='为谁订餐'
              options={mine.map((e) => ({ value: e.id, label: e.name }))}
              value={elderId}
              onChange={setPickedElder}
            />
          ) : null}
          {!proxyElderId ? (
            <View className='btn btn--ghost week__mine' role='button' {...FOCUSABLE} data-testid='go-mine' onClick={() => openPage(ROUTES.bookingMine)}>
              我的订餐
            </View>
          ) : null}
          <StateView
            loading={week.loading && !week.data}
            error={week.error}
            empty={week.data?.length === 0}
            emptyText='这一周还没有公布菜单'
            onRetry={week.reload}
          />
          {byDay(week.data ?? []).map(({ day, slots }) => (
            <View key={day} className='week__day' role='group' aria-label={dayLabel(day)}>
              <View className='week__day-title' role='heading' aria-level={2}>
                {dayLabel(day)}
              </View>
              {slots.map((s) => (
                <SlotCard key={s.id} slot={s} elderId={elderId} elder={elder} booking={changed[s.id] ?? s.myBooking} onBooking={onBooking} />
              ))}
            </View>
          ))}
        </>
      ) : null}
    </Page>
  );
}
