import { SlotBookingStatus, SlotStatus } from '@hg/types';
import { everyCase } from '../../core/state-machine';
import { SLOT_BOOKING_MACHINE, SLOT_MACHINE } from './slot-status';

const ALL = Object.values(SlotBookingStatus);
/** Written out by hand: a change to the table must be deliberate. */
const ALLOWED = new Set([
  'booked>cancelled',
  'offered>cancelled',
  'waitlisted>cancelled',
  'waitlisted>offered',
  'offered>booked',
  'offered>expired',
  'waitlisted>expired',
  'booked>checked_in',
  'checked_in>checked_out',
  'booked>no_show',
  'booked>withdrawn',
  'offered>withdrawn',
  'waitlisted>withdrawn',
]);

describe('slot booking machine', () => {
  const pairs = ALL.flatMap((from) => ALL.map((to) => [from, to] as const));
  it.each(pairs)('%s → %s', (from, to) => {
    expect(SLOT_BOOKING_MACHINE.next(from).includes(to)).toBe(ALLOWED.has(`${from}>${to}`));
  });

  it.each(everyCase(SLOT_BOOKING_MACHINE))('%s from %s allowed: %s', (action, state, ok) => {
    expect(SLOT_BOOKING_MACHINE.allows(action, state)).toBe(ok);
  });

  it('ended bookings lead nowhere; a checked-in holder is not checked in twice', () => {
    for (const s of ['checked_out', 'cancelled', 'no_show', 'expired', 'withdrawn'] as const) expect(SLOT_BOOKING_MACHINE.next(s)).toEqual([]);
    expect(SLOT_BOOKING_MACHINE.allows('checkIn', 'checked_in')).toBe(false);
  });
});

describe('slot machine', () => {
  it('a published slot can be withdrawn once', () => {
    expect(SLOT_MACHINE.next(SlotStatus.published)).toEqual(['withdrawn']);
    expect(SLOT_MACHINE.next(SlotStatus.withdrawn)).toEqual([]);
  });
});
