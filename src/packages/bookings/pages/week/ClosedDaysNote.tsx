import { View } from '@tarojs/components';
import { useLoad } from '../../../../hooks/useLoad';
import { bookings } from '../../../../services/bookings';
import { dayLabel } from '../../format';

/**
 * 休息日 of the week shown, one read-only line each (「1月1日 周四 休息：元旦，停止供餐」): the
 * day's sittings were withdrawn, so without this line the day would simply be missing.
 */
export default function ClosedDaysNote({ centreId, visit }: { centreId: number; visit: number }) {
  const closed = useLoad(() => bookings.closedDays({ centreId }), [centreId, visit]);
  if (!closed.data?.length) return null;
  return (
    <View className='week__closed' role='list' aria-label='休息日' data-testid='week-closed'>
      {closed.data.map((c) => (
        <View key={c.day} role='listitem' className='week__closed-day' data-testid={`week-closed-${c.day}`}>
          {dayLabel(c.day)} 休息：{c.reason}，停止供餐
        </View>
      ))}
    </View>
  );
}
