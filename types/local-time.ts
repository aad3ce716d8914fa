/**
 * Times as the community reads them: Beijing time (UTC+8, no daylight saving) whatever the
 * device's or server's zone, so a phone set to another zone, the headless test browser and a
 * subscribe message all say the same 「11月28日 14:05」. The one place that knows the offset:
 * client and server compute days, months, clocks and weekdays here, never with `getHours()`,
 * `getDate()` or `new Date(y, m, d)` (those read the device's zone).
 *
 * A day is "YYYY-MM-DD" and a month "YYYY-MM", both in Beijing time; calendar arithmetic on them
 * runs in UTC, where every day has 24 hours.
 */
const OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

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

/** A calendar quarter as a rating period: `{ code: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' }`. */
export interface LocalQuarter {
  code: string;
  startsOn: string;
  endsOn: string;
}

/** Quarter `q` (1–4) of `year`, with its first and last day. */
export function quarterPeriod(year: number, q: number): LocalQuarter {
  const first = (q - 1) * 3 + 1;
  const last = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  return { code: `${year}-Q${q}`, startsOn: `${year}-${pad(first)}-01`, endsOn: `${year}-${pad(first + 2)}-${pad(last)}` };
}

/** The quarter containing `at` in Beijing time. */
export function localQuarter(at: Date): LocalQuarter {
  const d = new Date(at.getTime() + OFFSET_MS);
  return quarterPeriod(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) + 1);
}

/** The quarter after `quarter` (2026-Q4 → 2027-Q1). */
export function nextQuarter(quarter: LocalQuarter): LocalQuarter {
  const [y, q] = [Number(quarter.code.slice(0, 4)), Number(quarter.code.slice(-1))];
  return q === 4 ? quarterPeriod(y + 1, 1) : quarterPeriod(y, q + 1);
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

/** "2026-12": the Beijing-time month of an instant. */
export const localMonth = (at: Date): string => localDay(at).slice(0, 7);

/** 2026: the Beijing-time year of an instant (ages and yearly subsidy rules count in it). */
export const localYear = (at: Date): number => Number(localDay(at).slice(0, 4));

/** "2026-11-28 14:05:00": an instant as Beijing wall time, for exports staff open in a spreadsheet. */
export const localDateTime = (at: Date): string => new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

/** "14:05": the Beijing clock of an instant; '' for nothing or an unreadable time. */
export function localClock(at: string | Date | null | undefined): string {
  if (!at) return '';
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(t)) return '';
  const d = new Date(t + OFFSET_MS);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `hh:mm` Beijing time on a local day as an ISO time with its offset: "2026-12-01T11:30:00+08:00" (what forms send). */
export const localIsoTime = (day: string, hhmm: string): string => `${day}T${hhmm}:00+08:00`;

/** The instant of `hh:mm` Beijing time on a local day: ("2026-12-01", "11:30") → 2026-12-01T03:30:00Z. */
export const localTime = (day: string, hhmm: string): Date => new Date(localIsoTime(day, hhmm));

/** The instant a local month begins: "2026-12" → 2026-11-30T16:00:00Z. */
export const monthStart = (month: string): Date => localTime(`${month}-01`, '00:00');

/** The local day `n` days after `day` ("2026-12-01" + 7 → "2026-12-08"; `n` may be negative). */
export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The month `n` months after `month` ("2026-11" + 2 → "2027-01"; `n` may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** ISO weekday of a local day, 1 = Monday … 7 = Sunday ("2026-03-02" → 1). */
export const weekdayOf = (day: string): number => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** The seven local days, Monday to Sunday, of the week that holds `day`. */
export function weekOf(day: string): string[] {
  const monday = addDays(day, 1 - weekdayOf(day));
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}
