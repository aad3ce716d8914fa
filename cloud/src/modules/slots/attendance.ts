import type { EntityManager } from 'typeorm';
import { localDay } from '@hg/types';
import { invalidTransition, notFound } from '../../core/errors';
import { moveSlotBooking } from './reservations';
import { SlotBooking } from './slot-booking.entity';
import { EngineSlot } from './slot.entity';
import type { SlotBookingView } from './views';

/** Whom to check in: a booking the organiser picked from the roster (by name), or the holder's code at the venue. */
export type CheckInTarget = { bookingId: number } | { venueId: number; code: string };

/**
 * Check a holder in on the slot's day: by the code they show, or by the booking the organiser
 * found on the roster by name. Records when and by whom.
 */
export async function checkIn(em: EntityManager, target: CheckInTarget, s: { by: number; at: Date; note?: string | null }): Promise<SlotBookingView> {
  const booking =
    'bookingId' in target
      ? await em.findOne(SlotBooking, { where: { id: target.bookingId } })
      : await em.findOne(SlotBooking, { where: { venueId: target.venueId, code: target.code.trim().toUpperCase() } });
  if (!booking) throw notFound('预约');
  const slot = await em.findOneByOrFail(EngineSlot, { id: booking.slotId });
  if (slot.day !== localDay(s.at)) throw invalidTransition(`只能在当天（${slot.day}）签到`);
  await moveSlotBooking(em, booking, 'checkIn', { by: s.by, at: s.at, patch: { checkedInAt: s.at, checkedInById: s.by }, note: s.note });
  return booking;
}

/**
 * The organiser marks a booked holder absent on the slot's day: did not come, or did not take what
 * was handed over (the note says which). The seat stays counted; the booking ends.
 */
export async function markAbsent(em: EntityManager, bookingId: number, s: { by: number; at: Date; note?: string | null }): Promise<SlotBookingView> {
  const booking = await em.findOne(SlotBooking, { where: { id: bookingId } });
  if (!booking) throw notFound('预约');
  const slot = await em.findOneByOrFail(EngineSlot, { id: booking.slotId });
  if (slot.day !== localDay(s.at)) throw invalidTransition(`只能在当天（${slot.day}）登记`);
  await moveSlotBooking(em, booking, 'absent', { by: s.by, at: s.at, patch: { activeKey: null }, note: s.note });
  return booking;
}

/** Check a holder out: the booking ends with its times (checked in → checked out). */
export async function checkOut(em: EntityManager, bookingId: number, s: { by: number; at: Date }): Promise<SlotBookingView> {
  const booking = await em.findOne(SlotBooking, { where: { id: bookingId } });
  if (!booking) throw notFound('预约');
  await moveSlotBooking(em, booking, 'checkOut', { by: s.by, at: s.at, patch: { checkedOutAt: s.at, activeKey: null } });
  return booking;
}
