import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { BookingDTO, ElderDTO } from '@hg/types';
import { LIMITS } from '@hg/types/limits';
import { yuan } from '@hg/types/bookings';
import Page from '../../../../components/Page';
import Field from '../../../../components/Field';
import StateView from '../../../../components/StateView';
import BusyButton from '../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { bookings } from '../../../../services/bookings';
import CentrePicker from '../../components/CentrePicker';
import { queryId, useCentre } from '../../use-centre';
import './index.scss';

/** How the centre reaches an elder (masked): a mobile, else a landline or a guardian. */
const contactOf = (e: ElderDTO) => e.phoneMasked || e.landlineMasked || (e.guardian ? `监护人 ${e.guardian.name}` : '无手机');

/** One of today's bookings of the elder found: what it is, and 核销 while it may be redeemed. */
function TodayBooking({ booking, centreId, onDone }: { booking: BookingDTO; centreId: number; onDone: (b: BookingDTO) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const redeem = async () => {
    setBusy(true);
    const res = await bookings.redeem({ centreId, code: booking.code, ...(booking.price.payFen ? { paidBy: 'cash' as const } : {}) });
    setBusy(false);
    if (res.ok) onDone(res.data);
    else setError(res.error.message);
  };
  return (
    <View className='byname__booking' data-testid={`byname-booking-${booking.id}`}>
      <View>
        {booking.slot.title} · {booking.modeLabel} · {booking.statusLabel} · {booking.channelLabel}
      </View>
      {booking.can.includes('redeem') ? (
        <View data-testid={`byname-pay-${booking.id}`}>{booking.price.payFen ? `应收 ${yuan(booking.price.payFen)}` : '无需收费'}</View>
      ) : null}
      {error ? (
        <View className='notice' role='alert'>
          {error}
        </View>
      ) : null}
      {booking.can.includes('redeem') ? (
        <BusyButton label={booking.price.payFen ? '核销（现金收款）' : '核销'} busy={busy} busyLabel='核销中…' onClick={redeem} testId={`byname-redeem-${booking.id}`} />
      ) : null}
    </View>
  );
}

/**
 * 按姓名核销: at the counter, an elder without a phone or a printed code (booked by phone, by her
 * grid worker or building head) is found on the elder list by name; her bookings of today show
 * with 核销 — so she is never left 未到 and keeps her subsidy.
 */
export default function ByNamePage() {
  const { params } = useRouter();
  const centre = useCentre(queryId(params.centreId));
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<ElderDTO | null>(null);
  const [done, setDone] = useState<BookingDTO | null>(null);
  const elders = useLoad(centre.centreId && q ? () => bookings.elders({ centreId: centre.centreId as number, q }) : null, [centre.centreId, q]);
  const today = useLoad(picked ? () => bookings.elderToday({ elderId: picked.id }) : null, [picked?.id, done?.id]);
  return (
    <Page title='按姓名核销'>
      <CentrePicker centre={centre} emptyText='您不是日间照料中心的工作人员，不能核销。' />
      {centre.centreId ? (
        <>
          <View className='card'>
            <Field
              id='byname-q'
              label='老人姓名'
              placeholder='输入姓名，或手机号后4位'
              maxlength={LIMITS.nameMax}
              value={q}
              onChange={(v) => {
                setQ(v.trim());
                setPicked(null);
                setDone(null);
              }}
            />
          </View>
          {done ? (
            <View className='success' role='status' data-testid='byname-ok'>
              ✓ 已核销：{done.elder.name} · {done.slot.title}
            </View>
          ) : null}
          <StateView loading={elders.loading} error={elders.error} onRetry={elders.reload} />
          {elders.data && !picked ? (
            <View role='list'>
              {elders.data.items.map((e) => (
                <View
                  key={e.id}
                  className='card byname__elder'
                  role='listitem'
                  data-testid={`byname-elder-${e.id}`}
                >
                  <View>
                    <View className='byname__name'>{e.name}</View>
                    <View className='muted'>
                      {e.age}岁 · {contactOf(e)}
                    </View>
                  </View>
                  <View className='btn btn--primary' role='button' {...FOCUSABLE} data-testid={`byname-pick-${e.id}`} onClick={() => setPicked(e)}>
                    今日订单
                  </View>
                </View>
              ))}
              {elders.data.items.length ? null : <View className='card muted'>没有找到这位老人。</View>}
            </View>
          ) : null}
          {picked ? (
            <View className='card' data-testid='byname-today'>
              <View className='byname__name'>{picked.name} 今日订单</View>
              <StateView loading={today.loading} error={today.error} onRetry={today.reload} />
              {today.data?.length === 0 ? <View className='muted'>今天没有订单。</View> : null}
              {(today.data ?? []).map((b) => (
                <TodayBooking key={b.id} booking={b} centreId={centre.centreId as number} onDone={setDone} />
              ))}
            </View>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
