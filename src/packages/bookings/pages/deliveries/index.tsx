import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { DeliveryListDTO } from '@hg/types';
import Page from '../../../../components/Page';
import BusyButton from '../../../../components/BusyButton';
import StateView from '../../../../components/StateView';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { bookings } from '../../../../services/bookings';
import { PLATFORM, printPage } from '../../../../services/platform';
import { dayLabel } from '../../format';
import { queryId } from '../../use-centre';
import './index.scss';

type Stop = DeliveryListDTO['routes'][number]['buildings'][number]['stops'][number];

/** One door on the round: who, where, how to call, what to mind, and 已送达. */
function StopRow({ stop, onDelivered }: { stop: Stop; onDelivered: (id: number) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const done = stop.status === 'redeemed';

  const deliver = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const res = await bookings.deliver({ bookingId: stop.bookingId });
    setBusy(false);
    if (res.ok) onDelivered(stop.bookingId);
    else setError(res.error.message);
  };

  return (
    <View className={`card dl__stop ${done ? 'dl__stop--done' : ''}`} role='listitem' data-testid={`stop-${stop.bookingId}`}>
      <View className='dl__name'>{stop.name}</View>
      <View className='dl__addr'>{stop.address || '（无地址，请致电）'}</View>
      {stop.phone ? (
        <View
          className='dl__phone'
          role='link'
          {...FOCUSABLE}
          aria-label={`拨打 ${stop.name} 的电话 ${stop.phone}`}
          data-testid={`stop-call-${stop.bookingId}`}
          onClick={() => void Taro.makePhoneCall({ phoneNumber: stop.phone })}
        >
          ☎ {stop.phone}
        </View>
      ) : null}
      {stop.diets.length ? <View className='dl__diet'>饮食：{stop.diets.join('、')}</View> : null}
      {stop.allergies ? <View className='dl__allergy'>过敏：{stop.allergies}</View> : null}
      {error ? (
        <View className='notice' role='alert'>
          {error}
        </View>
      ) : null}
      {done ? (
        <View className='dl__done' data-testid={`stop-done-${stop.bookingId}`}>
          ✓ 已送达
        </View>
      ) : (
        <BusyButton
          label='已送达'
          busy={busy}
          busyLabel='正在登记…'
          onClick={deliver}
          ariaLabel={`${stop.name} 已送达`}
          className='dl__deliver'
          testId={`stop-deliver-${stop.bookingId}`}
        />
      )}
    </View>
  );
}

/**
 * 送餐单 (centre staff): the delivered meals of one sitting as a round — compound, then building,
 * then each door with a phone to call and the diets to mind — with 已送达 per stop. Printable on H5.
 */
export default function DeliveriesPage() {
  const { params } = useRouter();
  const slotId = queryId(params.slotId);
  const list = useLoad(slotId ? () => bookings.deliveries({ slotId }) : null, [slotId]);
  const [delivered, setDelivered] = useState<number[]>([]);
  const r = list.data;
  const stops = r ? r.routes.flatMap((c) => c.buildings.flatMap((b) => b.stops)) : [];
  const left = stops.filter((s) => s.status !== 'redeemed' && !delivered.includes(s.bookingId)).length;

  return (
    <Page title='送餐单' className='dl'>
      {!slotId ? <View className='notice'>没有指定餐次</View> : null}
      <StateView loading={list.loading && !r} error={list.error} empty={r?.total === 0} emptyText='这一餐没有送餐' onRetry={list.reload} />
      {r ? (
        <>
          <View className='dl__slot' role='heading' aria-level={2} data-testid='dl-slot'>
            {dayLabel(r.slot.day)} · {r.slot.title}
          </View>
          <View className='dl__count' data-testid='dl-count'>
            共 {r.total} 份，还剩 {left} 份未送
          </View>
          <View className='dl__controls'>
            {PLATFORM.canPrint ? (
              <View className='btn btn--primary' role='button' {...FOCUSABLE} data-testid='dl-print' onClick={printPage}>
                打印送餐单
              </View>
            ) : null}
            <View className='btn btn--ghost' role='button' {...FOCUSABLE} onClick={list.reload}>
              刷新
            </View>
          </View>
          {r.routes.map((c) => (
            <View key={c.compound} className='dl__compound' role='group' aria-label={c.compound}>
              <View className='dl__compound-name' role='heading' aria-level={2}>
                {c.compound}
              </View>
              {c.buildings.map((b) => (
                <View key={b.building} className='dl__building'>
                  <View className='dl__building-name' role='heading' aria-level={3}>
                    {b.building}（{b.stops.length}份）
                  </View>
                  <View role='list' aria-label={`${c.compound}${b.building}`}>
                    {b.stops.map((s) => (
                      <StopRow
                        key={s.bookingId}
                        stop={delivered.includes(s.bookingId) ? { ...s, status: 'redeemed' } : s}
                        onDelivered={(id) => setDelivered((d) => [...d, id])}
                      />
                    ))}
                  </View>
                </View>
              ))}
            </View>
          ))}
        </>
      ) : null}
    </Page>
  );
}
