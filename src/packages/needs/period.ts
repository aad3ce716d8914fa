import { addMonths, localMonth, monthStart } from '@hg/types/local-time';

/** Reporting periods of the dashboard and the export, as ISO `from`/`to`; months are Beijing-time months. */
export type PeriodKey = 'thisMonth' | 'lastMonth' | 'last90';

export const PERIODS: { value: PeriodKey; label: string }[] = [
  { value: 'thisMonth', label: '本月' },
  { value: 'lastMonth', label: '上月' },
  { value: 'last90', label: '近90天' },
];

export function periodRange(key: PeriodKey, now: Date = new Date()): { from: string; to: string } {
  const thisMonth = localMonth(now);
  if (key === 'thisMonth') return { from: monthStart(thisMonth).toISOString(), to: now.toISOString() };
  if (key === 'lastMonth') return { from: monthStart(addMonths(thisMonth, -1)).toISOString(), to: monthStart(thisMonth).toISOString() };
  return { from: new Date(now.getTime() - 90 * 24 * 3600 * 1000).toISOString(), to: now.toISOString() };
}
