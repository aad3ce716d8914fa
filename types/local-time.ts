/**
 * Times as the community reads them: Beijing time (UTC+8, no daylight saving) whatever the
 * device's or server's zone, so a phone set to another zone, the headless test browser and a
 * subscribe message all say the same 「11月28日 14:05」.
 */
const OFFSET_MS = 8 * 3600 * 1000;

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-28T06:05:00Z` → `11月28日 14:05` (this year) or `2025年11月28日 14:05`; '' for nothing. */
export function formatLocalTime(at: string | Date | null | undefined, now: Date = new Date()): string {
  if (!at) return '';
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(t)) return '';
  const d = new Date(t + OFFSET_MS);
  const thisYear = new Date(now.getTime() + OFFSET_MS).getUTCFullYear();
  const day = `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return d.getUTCFullYear() === thisYear ? day : `${d.getUTCFullYear()}年${day}`;
}

/**
 * The one day validator of the contract (schemas and forms): "YYYY-MM-DD…" names a day that
 * exists. `Date.parse` rolls impossible days over (2027-02-30 parses as 2 March), so the parts
 * are checked one by one.
 */
export function isCalendarDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** "2026-12-01": the Beijing-time calendar day of an instant (periods, cut-offs and reports count in it). */
export const localDay = (at: Date): string => new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
