import { formatLocalTime } from '@hg/types/local-time';

/** Hours as people read them; null is "no hours recorded", never 0. */
export const hoursText = (h: number | null): string => (h === null ? '尚无记录' : `${h} 小时`);

/** `12月8日 09:00–11:00` for an activity on one day. */
export function timeRange(startsAt: string, endsAt: string, now: Date = new Date()): string {
  const end = formatLocalTime(endsAt, now);
  return `${formatLocalTime(startsAt, now)}–${end.slice(end.length - 5)}`;
}
