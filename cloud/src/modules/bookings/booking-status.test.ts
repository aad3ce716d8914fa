import { BookingStatus, SEAT_HOLDING_STATUSES } from '@hg/types';
import { everyCase } from '../../core/state-machine';
import { BOOKING_MACHINE } from './booking-status';

const ALL = Object.values(BookingStatus);
/** Written out by hand: a change to the table must be deliberate. */
const ALLOWED = new Set([
  'booked>cancelled',
  'offered>cancelled',
  'waitlisted>cancelled',
  'waitlisted>offered',
  'offered>booked',
  'offered>expired',
  'waitlisted>expired',
  'booked>redeemed',
  'booked>no_show',
]);

describe('booking machine', () => {
  const pairs = ALL.flatMap((from) => ALL.map((to) => [from, to] as const));
  it.each(pairs)('%s → %s', (from, to) => {
    expect(BOOKING_MACHINE.next(from).includes(to)).toBe(ALLOWED.has(`${from}>${to}`));
  });

  it.each(everyCase(BOOKING_MACHINE))('%s from %s allowed: %s', (action, state, ok) => {
    expect(BOOKING_MACHINE.allows(action, state)).toBe(ok);
  });

  it('ended bookings lead nowhere; a redeemed meal cannot be redeemed again', () => {
    for (const s of ['redeemed', 'cancelled', 'no_show', 'expired'] as const) expect(BOOKING_MACHINE.next(s)).toEqual([]);
    expect(BOOKING_MACHINE.allows('redeem', 'redeemed')).toBe(false);
  });

  it('seat-holding states are exactly those a seat counter counts', () => {
    expect([...SEAT_HOLDING_STATUSES].sort()).toEqual(['booked', 'no_show', 'offered', 'redeemed']);
  });
});
