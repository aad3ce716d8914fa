import { SlotBookingStatus, SlotStatus } from '@hg/types';
import { defineMachine } from '../../core/state-machine';

/** How the actor relates to an engine booking (the programme's policy decides which holds). */
export type SlotBookingRelation = 'holder' | 'booker' | 'staff';

/**
 * The engine's booking machine, one row per action. Creation is `book` (→ booked, or → waitlisted
 * when the pool is full and the holder chose to wait), written by `reserve`. A freed seat is
 * `offer`ed to the first in line, who `accept`s it or lets it `expire`; the organiser checks the
 * holder in and out; after the slot a booked seat nobody used is a `noShow` (the timer's), or the
 * organiser marks it `absent` at once (the holder did not come, or did not take what was handed
 * over; the seat stays counted); withdrawing the slot ends every live booking (`withdraw`).
 */
export const SLOT_BOOKING_MACHINE = defineMachine<
  SlotBookingStatus,
  'cancel' | 'offer' | 'accept' | 'expire' | 'checkIn' | 'checkOut' | 'noShow' | 'absent' | 'withdraw',
  SlotBookingRelation
>({
  name: 'slot-booking',
  states: Object.values(SlotBookingStatus),
  rows: [
    { action: 'cancel', from: ['booked', 'offered', 'waitlisted'], to: 'cancelled', event: 'cancelled', who: ['holder', 'booker', 'staff'] },
    { action: 'offer', from: ['waitlisted'], to: 'offered', event: 'offered' },
    { action: 'accept', from: ['offered'], to: 'booked', event: 'accepted', who: ['holder', 'booker', 'staff'] },
    { action: 'expire', from: ['offered', 'waitlisted'], to: 'expired', event: 'expired' },
    { action: 'checkIn', from: ['booked'], to: 'checked_in', event: 'checked_in', who: ['staff'] },
    { action: 'checkOut', from: ['checked_in'], to: 'checked_out', event: 'checked_out', who: ['staff'] },
    { action: 'noShow', from: ['booked'], to: 'no_show', event: 'no_show' },
    // Marked by the organiser: not received / did not come (before the timer would).
    { action: 'absent', from: ['booked'], to: 'no_show', event: 'marked_absent', who: ['staff'] },
    { action: 'withdraw', from: ['booked', 'offered', 'waitlisted'], to: 'withdrawn', event: 'withdrawn', who: ['staff'] },
  ],
});
export type SlotBookingAction = (typeof SLOT_BOOKING_MACHINE.rows)[number]['action'];

/** A slot's lifecycle: published (edits only until its first booking, recorded as events), withdrawn. */
export const SLOT_MACHINE = defineMachine<SlotStatus, 'withdraw', 'staff'>({
  name: 'slot',
  states: Object.values(SlotStatus),
  rows: [{ action: 'withdraw', from: ['published'], to: 'withdrawn', event: 'withdrawn', who: ['staff'] }],
});
