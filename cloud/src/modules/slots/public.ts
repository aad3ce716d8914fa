/**
 * The slot engine's surface: functions only (no entity leaves the module). Lifecycle (publish,
 * edit until the first booking, withdraw with notice, close a day), reservations (reserve with a
 * request id, cancel, waitlist offers), attendance (check-in by code or by booking, check-out) and
 * reads. Every function runs in the caller's transaction except `reserve`, which owns its own
 * (it retries a rare code collision).
 */
export {
  publishSlot,
  editSlot,
  withdrawSlot,
  closeDay,
  reopenDay,
  closedDaysOf,
  closedDayReason,
  type PublishSlot,
  type EditSlot,
  type SlotTimes,
} from './lifecycle';
export { reserve, cancelSlotBooking, acceptOffer, passSeatOn, type Reserve, type ReservedSlot, type OfferTerms } from './reservations';
export { checkIn, checkOut, markAbsent, type CheckInTarget } from './attendance';
export {
  slotById,
  slotsByIds,
  slotsOfVenue,
  bookingById,
  slotBookingsByIds,
  bookingsOfPerson,
  rosterOf,
  slotsEverBooked,
  liveBookingsOf,
  waitingBySlot,
  countInStatuses,
  bookingsOfSlots,
} from './reads';
export { SLOT_BOOKING_MACHINE, type SlotBookingRelation, type SlotBookingAction } from './slot-status';
export { SLOT_BOOKING_SUBJECT } from './messages';
export { setKindTerms, type KindTerms, type SlotOfKind } from './kind-terms';
export type { SlotView, SlotBookingView, Holder, ExtraRecipients } from './views';
