import { useRef, useState } from 'react';
import { View } from '@tarojs/components';
import type { BookingDTO, RepeatWeekDTO } from '@hg/types';
import BusyButton from '../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../components/a11y';
import { bookings } from '../../../../services/bookings';
import { dayLabel } from '../../format';

export interface RepeatWeekProps {
  elderId: number;
  /** The bookings just made, so the cards below show their tickets at once. */
  onBooked: (booked: BookingDTO[]) => void;
}

/**
 * 和上周一样: one big button that books this week's sittings the elder had last week, then says
 * plainly what was booked and what was not, and why. Tapping twice books nothing twice (the server
 * keys each booking by elder and sitting).
 */
export default function RepeatWeek({ elderId, onBooked }: RepeatWeekProps) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RepeatWeekDTO | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);

  const repeat = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    const res = await bookings.repeatWeek({ elderId });
    inFlight.current = false;
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setResult(res.data);
    if (res.data.booked.length) onBooked(res.data.booked);
  };

  if (result) {
    const nothing = result.booked.length === 0 && result.skipped.length === 0;
    return (
      <View className='card repeat' role='status' data-testid='repeat-result'>
        {nothing ? <View className='repeat__title'>上周没有订过餐，请在下面的菜单里挑选。</View> : null}
        {result.booked.length ? (
          <>
            <View className='repeat__title repeat__title--ok'>已订好 {result.booked.length} 餐</View>
            <View role='list' aria-label='已订好'>
              {result.booked.map((b) => (
                <View key={b.id} role='listitem' className='repeat__row' data-testid='repeat-booked'>
                  {dayLabel(b.slot.day)} {b.slot.title} · {b.modeLabel}
                </View>
              ))}
            </View>
          </>
        ) : null}
        {result.skipped.length ? (
          <>
            <View className='repeat__title repeat__title--skip'>没订上 {result.skipped.length} 餐</View>
            <View role='list' aria-label='没订上'>
              {result.skipped.map((s) => (
                <View key={`${s.day}-${s.title}`} role='listitem' className='repeat__row' data-testid='repeat-skipped'>
                  {dayLabel(s.day)} {s.title}：{s.reason}
                </View>
              ))}
            </View>
          </>
        ) : null}
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='repeat-done' onClick={() => setResult(null)}>
          知道了
        </View>
      </View>
    );
  }

  return (
    <View className='repeat'>
      <BusyButton label='和上周一样' busy={busy} busyLabel='正在订餐…' onClick={repeat} testId='repeat-week' />
      <View className='muted repeat__hint'>按上周订过的餐，一次订好本周同一天的同一餐</View>
      {error ? (
        <View className='notice' role='alert' data-testid='repeat-error'>
          {error}
        </View>
      ) : null}
    </View>
  );
}
