import type { BookingDTO, FamilyLinkDTO, SlotDTO } from '@hg/types';
import { SITTING_LABEL, WEEKDAY_LABEL } from '@hg/types/bookings';
import { addDays, localClock, localDay, weekdayOf } from '@hg/types/local-time';
import { isUpcoming, UPCOMING_MEAL_STATUSES } from '@hg/types/upcoming';

/** Display helpers of the bookings pages. Centres run on Beijing time, and so do these, whatever the device's zone. */

/** "2026-03-02" → "3月2日 周一", with 今天 / 明天 in front when it is. */
export function dayLabel(day: string, now: Date = new Date()): string {
  const [, m, d] = day.split('-').map(Number);
  const base = `${m}月${d}日 ${WEEKDAY_LABEL[weekdayOf(day)]}`;
  const today = localDay(now);
  if (day === today) return `今天 · ${base}`;
  if (day === addDays(today, 1)) return `明天 · ${base}`;
  return base;
}

/** "午餐 11:30–13:00" (a meal) or the slot's own title. */
export function slotName(slot: Pick<SlotDTO, 'sitting' | 'title' | 'kindLabel' | 'startsAt' | 'endsAt'>): string {
  const name = slot.sitting ? SITTING_LABEL[slot.sitting] : slot.title || slot.kindLabel;
  return `${name} ${localClock(slot.startsAt)}–${localClock(slot.endsAt)}`;
}

/**
 * Where a slot's booking stands at `now`: not yet open (before `opensAt`), open, or closed. The
 * server's `open` is false before `opensAt` too, so a slot whose opening time passed since the week
 * was loaded counts as open until its cut-off (the server re-checks at booking).
 */
export function bookingWindow(slot: Pick<SlotDTO, 'open' | 'opensAt' | 'cutoffAt'>, now: number = Date.now()): 'opens' | 'open' | 'closed' {
  if (slot.opensAt && now < Date.parse(slot.opensAt)) return 'opens';
  if (slot.open) return 'open';
  return slot.opensAt && now < Date.parse(slot.cutoffAt) ? 'open' : 'closed';
}

/** Slots grouped by day, in day order, each day in start order. */
export function byDay<T extends Pick<SlotDTO, 'day' | 'startsAt'>>(slots: T[]): { day: string; slots: T[] }[] {
  const days = new Map<string, T[]>();
  for (const s of [...slots].sort((a, b) => a.day.localeCompare(b.day) || a.startsAt.localeCompare(b.startsAt))) {
    days.set(s.day, [...(days.get(s.day) ?? []), s]);
  }
  return [...days.entries()].map(([day, list]) => ({ day, slots: list }));
}

/**
 * An idempotency key for one booking tap (`book.requestId`: 8–64 of [A-Za-z0-9_-]). No `crypto`
 * on every mini-program engine, so time plus randomness: unique enough for one person's taps.
 */
export function newRequestId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`.replace(/[^A-Za-z0-9]/g, '').padEnd(12, '0');
}

/** A query value as typed, whether or not the platform already decoded it. */
export function queryText(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** An instant → "3月1日 09:30" (Beijing time). */
export function dayTime(iso: string | null | undefined): string {
  const clock = localClock(iso);
  if (!clock) return '';
  const [, m, d] = localDay(new Date(iso as string))
    .split('-')
    .map(Number);
  return `${m}月${d}日 ${clock}`;
}

/** "2026-11" → "2026年11月". */
export const monthLabel = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;

/** The elders the caller may book for through a family link: verified links only (before that the link carries no elder id). */
export function linkedElders(links: FamilyLinkDTO[]): { id: number; name: string; centreId: number }[] {
  return links.flatMap((l) => (l.status === 'verified' && l.elder.id !== null ? [{ id: l.elder.id, name: l.elder.name, centreId: l.centreId }] : []));
}

/**
 * A booking's status as its holder reads it. The server's labels speak of meals (已用餐); a room,
 * consultation or visit that was taken reads 已到场 instead.
 */
export function statusText(b: Pick<BookingDTO, 'status' | 'statusLabel'> & { slot: Pick<BookingDTO['slot'], 'kind'> }): string {
  if (b.slot.kind !== 'meal' && b.status === 'redeemed') return '已到场';
  return b.statusLabel;
}

/** Statuses in which the holder still owes the price: a seat held and not yet taken. */
const DUE: BookingDTO['status'][] = ['booked', 'offered'];

/** Whether the ticket should say what is due (never on a cancelled, waitlisted, lapsed or eaten meal). */
export const isDue = (b: Pick<BookingDTO, 'status'>) => DUE.includes(b.status);

/**
 * Is a booking still ahead (a live status on a sitting today or later — today's stays all day, so
 * the code is at hand at the counter)? 我的订餐's groups; the server pages by the same rule.
 */
export const isAhead = (b: Pick<BookingDTO, 'status'> & { slot: Pick<BookingDTO['slot'], 'day'> }, now: Date = new Date()): boolean =>
  isUpcoming(UPCOMING_MEAL_STATUSES, b.status, b.slot.day, localDay(now));

/**
 * The sitting the week should open at: the first whose booking is open now and that the elder has
 * not booked yet, else the first still open at all (null when none is).
 */
export function nextBookable<T extends Pick<SlotDTO, 'id' | 'day' | 'startsAt' | 'open' | 'opensAt' | 'cutoffAt' | 'myBooking'>>(
  slots: T[],
  now: number = Date.now(),
): T | null {
  const open = byDay(slots)
    .flatMap((d) => d.slots)
    .filter((s) => bookingWindow(s, now) === 'open');
  return open.find((s) => !s.myBooking) ?? open[0] ?? null;
}

/** Whole days from one calendar day to another ("2030-03-05" → "2030-03-12" is 7); calendar arithmetic, no zone. */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** "2030-03-05" → "3月5日". */
export const shortDay = (day: string): string => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
