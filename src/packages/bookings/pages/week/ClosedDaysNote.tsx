import { View } from '@tarojs/components';
import type { ClosedDayDTO } from '@hg/types';
import { useLoad } from '../../../../hooks/useLoad';
import { bookings } from '../../../../services/bookings';
import { dayLabel } from '../../format';

/**
 * The centre's 休息日 among the seven days shown: null until loaded (their lines shift the days
 * below them, so the week waits for them before scrolling), none without a centre or on a failure.
 */
export function useClosedDays(centreId: number | null, visit: number): ClosedDayDTO[] | null {
  const closed = useLoad(centreId ? () => bookings.closedDays({ centreId }) : null, [centreId, visit]);
  if (!centreId || closed.error) return [];
  return closed.data;
}

/**
 * The closed days after `after` and before `upTo` (either open-ended when null), one read-only line
 * each (「明天 · 1月1日 周四 休息：元旦，停止供餐」) in their place among the days: the day's
 * sittings were withdrawn, so without the line it would simply be missing.
 */
export default function ClosedDayLines({ closed, after, upTo }: { closed: ClosedDayDTO[]; after: string | null; upTo: string | null }) {
  const lines = closed.filter((c) => (after === null || c.day > after) && (upTo === null || c.day < upTo));
  if (!lines.length) return null;
  return (
    <View className='week__closed' role='list' aria-label='休息日'>
      {lines.map((c) => (
        <View key={c.day} role='listitem' className='week__closed-day' data-testid={`week-closed-${c.day}`}>
          {dayLabel(c.day)} 休息：{c.reason}，停止供餐
        </View>
      ))}
    </View>
  );
}
