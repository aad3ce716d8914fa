import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { ReservationDTO } from '@hg/types';
import { localClock } from '@hg/types/local-time';
import { SLOT_BOOKING_STATUS_LABEL } from '@hg/types/slots';
import Page from '../../../../components/Page';
import Field from '../../../../components/Field';
import BusyButton from '../../../../components/BusyButton';
import StateView from '../../../../components/StateView';
import { useLoad } from '../../../../hooks/useLoad';
import { bookings } from '../../../../services/bookings';
import { dayLabel, queryId, when } from '../../format';
import './index.scss';

/** One person (or group) on the roster: name, status, code, times, and 签到 / 签退 when allowed. */
function RosterRow({
  r,
  busy,
  onStep,
}: {
  r: ReservationDTO;
  busy: 'checkIn' | 'checkOut' | null;
  onStep: (r: ReservationDTO, step: 'checkIn' | 'checkOut') => void;
}) {
  const name = r.holderName ?? '居民';
  return (
    <View className={`card vroster__row vroster__row--${r.status}`} role='listitem' data-testid={`venue-roster-row-${r.id}`}>
      <View className='vroster__head'>
        <Text className='vroster__name'>{name}</Text>
        <Text className='vroster__status' data-testid={`venue-roster-status-${r.id}`}>
          {SLOT_BOOKING_STATUS_LABEL[r.status]}
        </Text>
      </View>
      {r.code ? (
        <View className='vroster__meta'>
          预约码 <Text className='vroster__code'>{r.code}</Text>
        </View>
      ) : null}
      {r.place ? <View className='vroster__meta'>上门地址：{r.place}</View> : null}
      {r.purpose ? <View className='vroster__meta'>事由：{r.purpose}</View> : null}
      {r.checkedInAt ? (
        <View className='vroster__meta' data-testid={`venue-roster-times-${r.id}`}>
          签到 {localClock(r.checkedInAt)}
          {r.checkedOutAt ? ` · 签退 ${localClock(r.checkedOutAt)}` : ''}
        </View>
      ) : null}
      {r.can.checkIn ? (
        <BusyButton
          label='签到'
          busy={busy === 'checkIn'}
          busyLabel='签到中…'
          onClick={() => onStep(r, 'checkIn')}
          ariaLabel={`${name} 签到`}
          testId={`venue-checkin-${r.id}`}
        />
      ) : null}
      {r.can.checkOut ? (
        <BusyButton
          label='签退'
          busy={busy === 'checkOut'}
          busyLabel='签退中…'
          onClick={() => onStep(r, 'checkOut')}
          ariaLabel={`${name} 签退`}
          testId={`venue-checkout-${r.id}`}
        />
      ) : null}
    </View>
  );
}

/**
 * 名单与签到 (centre staff): who is booked on one slot, found by name; 签到 by the code a resident
 * shows or by the row (someone without the code), 签退 with the time — on the slot's day.
 */
export default function VenueRosterPage() {
  const { params } = useRouter();
  const slotId = queryId(params.slotId);
  const centreId = queryId(params.centreId);
  const day = params.day && /^\d{4}-\d{2}-\d{2}$/.test(params.day) ? params.day : null;
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [codeBusy, setCodeBusy] = useState(false);
  const [busy, setBusy] = useState<{ id: number; step: 'checkIn' | 'checkOut' } | null>(null);
  const [done, setDone] = useState<{ ok: boolean; text: string } | null>(null);
  const query = name.trim();
  const roster = useLoad(slotId ? () => bookings.roster({ slotId, ...(query ? { name: query } : {}) }) : null, [slotId, query]);
  // The slot itself (title and hours) even while nobody is on the roster.
  const week = useLoad(centreId && day ? () => bookings.venueSlots({ centreId, from: day }) : null, [centreId, day]);
  const slot = week.data?.find((s) => s.id === slotId) ?? null;
  const rows = roster.data ?? [];
  // The server decides whether it is the slot's day (its clock, Beijing time): a booked row it will
  // not let staff check in means the day has not come (or has passed).
  const notToday = rows.some((r) => r.status === 'booked') && rows.every((r) => r.status !== 'booked' || !r.can.checkIn);
  const present = rows.filter((r) => r.status === 'checked_in' || r.status === 'checked_out').length;

  const step = async (r: ReservationDTO, s: 'checkIn' | 'checkOut') => {
    if (busy) return;
    setBusy({ id: r.id, step: s });
    const res = s === 'checkIn' ? await bookings.checkIn({ reservationId: r.id }) : await bookings.checkOut({ reservationId: r.id });
    setBusy(null);
    const who = r.holderName ?? '居民';
    if (res.ok) {
      const at = localClock(s === 'checkIn' ? res.data.checkedInAt : res.data.checkedOutAt);
      setDone({ ok: true, text: `${who} ${at} ${s === 'checkIn' ? '已签到' : '已签退'}` });
    } else setDone({ ok: false, text: res.error.message });
    roster.reload();
  };

  const byCode = async () => {
    if (codeBusy || !centreId) return;
    const c = code.trim().toUpperCase();
    if (c.length < 4) return setCodeError('请输入居民出示的预约码');
    setCodeBusy(true);
    const res = await bookings.checkIn({ centreId, code: c });
    setCodeBusy(false);
    if (!res.ok) return setCodeError(res.error.code === 'NOT_FOUND' ? '没有这个预约码，请核对后再输入' : res.error.message);
    if (res.data.slotId !== slotId) setDone({ ok: true, text: `${res.data.holderName ?? '居民'} 已签到（${res.data.title}，${when(res.data)}）` });
    else setDone({ ok: true, text: `${res.data.holderName ?? '居民'} ${localClock(res.data.checkedInAt)} 已签到` });
    setCode('');
    roster.reload();
  };

  if (!slotId)
    return (
      <Page title='名单与签到'>
        <StateView error={{ code: 'NOT_FOUND', message: '请从场地与活动管理进入名单' }} />
      </Page>
    );
  return (
    <Page title='名单与签到'>
      {slot ? (
        <View className='vroster__slot' data-testid='venue-roster-slot'>
          <View className='vroster__slot-title' role='heading' aria-level={2}>
            {slot.title}
          </View>
          <View>{when(slot)}</View>
          {!query && roster.data ? (
            <View className='vroster__count' data-testid='venue-roster-count'>
              已签到 {present}/{rows.length}
            </View>
          ) : null}
        </View>
      ) : day ? (
        <View className='muted'>{dayLabel(day)}</View>
      ) : null}
      {notToday ? (
        <View className='notice' data-testid='venue-roster-not-today'>
          签到只能在活动当天（{dayLabel(slot?.day ?? day ?? rows[0].day)}）进行。
        </View>
      ) : centreId ? (
        <View className='card vroster__bycode'>
          <Field
            id='venue-code'
            label='预约码'
            placeholder='居民出示的6位预约码'
            maxlength={8}
            value={code}
            onChange={(x) => (setCode(x), setCodeError(null))}
            error={codeError}
          />
          <BusyButton label='签到' busy={codeBusy} busyLabel='签到中…' onClick={byCode} ariaLabel='按预约码签到' testId='venue-code-submit' />
        </View>
      ) : null}
      <View className='card vroster__search'>
        <Field id='venue-roster-name' label='按姓名查找' placeholder='输入姓名中的字' maxlength={20} value={name} onChange={setName} />
      </View>
      {done ? (
        <View
          className={done.ok ? 'vroster__ok' : 'vroster__fail'}
          role={done.ok ? 'status' : 'alert'}
          data-testid={done.ok ? 'venue-roster-ok' : 'venue-roster-error'}
        >
          {done.ok ? '✓ ' : ''}
          {done.text}
        </View>
      ) : null}
      <StateView
        loading={roster.loading && !roster.data}
        error={roster.error}
        empty={!!roster.data && rows.length === 0}
        emptyText={query ? `没有找到“${query}”` : '还没有人预约'}
        onRetry={roster.reload}
      />
      {rows.length ? (
        <View role='list' aria-label='预约名单'>
          {rows.map((r) => (
            <RosterRow key={r.id} r={r} busy={busy?.id === r.id ? busy.step : null} onStep={step} />
          ))}
        </View>
      ) : null}
    </Page>
  );
}
