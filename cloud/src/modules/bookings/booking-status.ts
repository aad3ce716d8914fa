import { BookingStatus } from '@hg/types';
import { defineMachine } from '../../core/state-machine';

/** How the actor relates to a booking. */
export type BookingRelation = 'elder' | 'booker' | 'staff';

/**
 * The booking machine, one row per action. Creation is `book` (→ booked, or → waitlisted when the
 * slot is full and the person chose to wait). A freed seat is `offer`ed to the first in line; the
 * timer `expire`s offers not confirmed in time and waitlist places at the cut-off, and marks
 * `noShow` after the sitting. `redeem` (counter) and `deliver` (delivery round) both end in redeemed;
 * `missDelivery` (不在家 / 拒收 at the door) ends in no_show before the timer would.
 */
export const BOOKING_MACHINE = defineMachine<BookingStatus, 'cancel' | 'offer' | 'confirm' | 'expire' | 'redeem' | 'deliver' | 'missDelivery' | 'noShow', BookingRelation>({
  name: 'booking',
  states: Object.values(BookingStatus),
  rows: [
    { action: 'cancel', from: ['booked', 'offered', 'waitlisted'], to: 'cancelled', event: 'cancelled', who: ['elder', 'booker', 'staff'] },
    { action: 'offer', from: ['waitlisted'], to: 'offered', event: 'offered' },
    { action: 'confirm', from: ['offered'], to: 'booked', event: 'confirmed', who: ['elder', 'booker', 'staff'] },
    { action: 'expire', from: ['offered', 'waitlisted'], to: 'expired', event: 'expired' },
    { action: 'redeem', from: ['booked'], to: 'redeemed', event: 'redeemed', who: ['staff'] },
    { action: 'deliver', from: ['booked'], to: 'redeemed', event: 'delivered', who: ['staff'] },
    // 「不在家 / 拒收」: the round could not hand the meal over; the seat stays counted (it was cooked).
    { action: 'missDelivery', from: ['booked'], to: 'no_show', event: 'delivery_missed', who: ['staff'] },
    { action: 'noShow', from: ['booked'], to: 'no_show', event: 'no_show' },
  ],
});

export type BookingAction = (typeof BOOKING_MACHINE.rows)[number]['action'];
