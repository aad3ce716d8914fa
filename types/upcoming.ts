import type { BookingStatus } from './bookings';
import { LIVE_SLOT_BOOKING, type SlotBookingStatus } from './slots';

/**
 * 我的订餐 and 我的预约 list what is still ahead of the person first: a live booking on a day from
 * today on (today's stays all day, so the code is at hand at the counter or the door), nearest
 * first; then the rest (taken, attended, missed, cancelled, over), latest first. The server pages
 * in that order; the pages split the loaded rows by the same rule, so both sides agree.
 */

/** A meal booking still ahead: a seat, an offer to answer, or a place in line. */
export const UPCOMING_MEAL_STATUSES: readonly BookingStatus[] = ['booked', 'offered', 'waitlisted'];

/** An engine booking (a room, a consultation, an activity …) still ahead: live, or being there now. */
export const UPCOMING_SLOT_STATUSES: readonly SlotBookingStatus[] = LIVE_SLOT_BOOKING;

/** Is a booking in one of `statuses` on `day` ("2026-12-07") still ahead on `today`? */
export const isUpcoming = <S extends string>(statuses: readonly S[], status: S, day: string, today: string): boolean =>
  statuses.includes(status) && day >= today;
