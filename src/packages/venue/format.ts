import type { ReservationDTO, VenueSlotDTO } from '@hg/types';
import { WEEKDAY_LABEL } from '@hg/types/bookings';
import { addDays, localClock, localDay, weekdayOf } from '@hg/types/local-time';
import type { VenueKind } from '@hg/types/slots-schemas';
import { isUpcoming, UPCOMING_SLOT_STATUSES } from '@hg/types/upcoming';

/** Display rules of the venue pages, on Beijing time whatever the device's zone. */

/** The kinds in the order residents read them, with the short names of the page's tabs. */
export const KIND_TABS: { value: VenueKind; label: string }[] = [
  { value: 'room', label: '活动室' },
  { value: 'consult', label: '咨询' },
  { value: 'visit', label: '上门' },
  { value: 'meeting', label: '会议' },
  { value: 'activity', label: '活动' },
];

export const KIND_LABEL: Record<VenueKind, string> = Object.fromEntries(KIND_TABS.map((k) => [k.value, k.label])) as Record<VenueKind, string>;

/** "2026-03-02" → "3月2日 周一", with 今天 / 明天 in front when it is. */
export function dayLabel(day: string, now: Date = new Date()): string {
  const base = `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日 ${WEEKDAY_LABEL[weekdayOf(day)]}`;
  const today = localDay(now);
  if (day === today) return `今天 · ${base}`;
  if (day === addDays(today, 1)) return `明天 · ${base}`;
  return base;
}

/** "14:00–17:00". */
export const hours = (s: Pick<VenueSlotDTO, 'startsAt' | 'endsAt'>): string => `${localClock(s.startsAt)}–${localClock(s.endsAt)}`;

/** "3月2日 周一 14:00–17:00": the day and hours together, as a dialog or a ticket says them. */
export const when = (s: Pick<VenueSlotDTO, 'day' | 'startsAt' | 'endsAt'>, now: Date = new Date()): string => `${dayLabel(s.day, now)} ${hours(s)}`;

/**
 * Where booking a slot stands for the caller at `now`, in the order a resident needs to know it:
 * withdrawn, already theirs, not open yet, closed (past the cut-off), full (the waitlist is the way
 * in), or open.
 */
export type Availability = 'withdrawn' | 'mine' | 'opens' | 'closed' | 'full' | 'open';

export function availability(s: Pick<VenueSlotDTO, 'status' | 'myReservationId' | 'opensAt' | 'cutoffAt' | 'left'>, now: number = Date.now()): Availability {
  if (s.status === 'withdrawn') return 'withdrawn';
  if (s.myReservationId) return 'mine';
  if (s.opensAt && now < Date.parse(s.opensAt)) return 'opens';
  if (now >= Date.parse(s.cutoffAt)) return 'closed';
  return s.left > 0 ? 'open' : 'full';
}

/**
 * What a full slot says about its line: 「已满 · 3人候补」 where a waitlist is kept (the count, no
 * names), 「已满（不排队）」 where the organiser chose none.
 */
export function fullLine(s: Pick<VenueSlotDTO, 'waitlist' | 'waiting'>): string {
  if (!s.waitlist) return '已满（不排队）';
  return s.waiting > 0 ? `已满 · ${s.waiting}人候补` : '已满 · 还没有人候补';
}

/** Slots grouped by day, in day order, each day in start order. */
export function byDay<T extends Pick<VenueSlotDTO, 'day' | 'startsAt'>>(slots: readonly T[]): { day: string; slots: T[] }[] {
  const days = new Map<string, T[]>();
  for (const s of [...slots].sort((a, b) => a.day.localeCompare(b.day) || a.startsAt.localeCompare(b.startsAt)))
    days.set(s.day, [...(days.get(s.day) ?? []), s]);
  return [...days.entries()].map(([day, list]) => ({ day, slots: list }));
}

/**
 * Is a reservation still ahead (live — a seat, an offer, a place in line, or being there now — on
 * a day from today on; today's stays all day, so the code is at hand at the door)? 我的预约's
 * groups; the server pages by the same rule.
 */
export const isAhead = (r: Pick<ReservationDTO, 'status' | 'day'>, now: Date = new Date()): boolean =>
  isUpcoming(UPCOMING_SLOT_STATUSES, r.status, r.day, localDay(now));

/**
 * An idempotency key for one booking tap (`reserve.requestId`: 8–64 of [A-Za-z0-9_-]). No `crypto`
 * on every mini-program engine, so time plus randomness: unique enough for one person's taps.
 */
export function newRequestId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`.replace(/[^A-Za-z0-9]/g, '').padEnd(12, '0');
}

/** A positive integer from a page query value, else null. */
export function queryId(value: string | undefined): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}
