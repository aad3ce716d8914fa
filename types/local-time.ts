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
