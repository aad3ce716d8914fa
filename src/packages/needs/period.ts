/** Reporting periods of the dashboard and the export, as ISO `from`/`to` in local time. */
export type PeriodKey = 'thisMonth' | 'lastMonth' | 'last90';

export const PERIODS: { value: PeriodKey; label: string }[] = [
  { value: 'thisMonth', label: '本月' },
  { value: 'lastMonth', label: '上月' },
  { value: 'last90', label: '近90天' },
];

export function periodRange(key: PeriodKey, now: Date = new Date()): { from: string; to: string } {
  const monthStart = new Date(now.getFullYear(), now.getMonth(), 1);
  if (key === 'thisMonth') return { from: monthStart.toISOString(), to: now.toISOString() };
  if (key === 'lastMonth') return { from: new Date(now.getFullYear(), now.getMonth() - 1, 1).toISOString(), to: monthStart.toISOString() };
  return { from: new Date(now.getTime() - 90 * 24 * 3600 * 1000).toISOString(), to: now.toISOString() };
}
