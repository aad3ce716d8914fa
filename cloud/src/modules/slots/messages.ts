import type { EntityManager } from 'typeorm';
import type { Message, Notifier } from '../notifications/public';
import type { ExtraRecipients, SlotBookingView } from './views';

/** The subject kind of an engine booking (its machine's name), for the log and messages. */
export const SLOT_BOOKING_SUBJECT = 'slot-booking';

/** A message about an engine booking. */
export function slotBookingMessage(booking: Pick<SlotBookingView, 'id'>, title: string, body: string): Message {
  return { kind: 'booking_update', subject: { subjectKind: SLOT_BOOKING_SUBJECT, subjectId: booking.id }, title, body };
}

/**
 * Tell whoever a booking concerns: the person who made it, the holder when the holder is a
 * resident, and whoever the programme adds (`extra`).
 */
export async function tellAbout(
  em: EntityManager,
  notifier: Notifier,
  booking: SlotBookingView,
  title: string,
  body: string,
  extra?: ExtraRecipients,
): Promise<void> {
  const more = extra ? await extra(booking) : [];
  await notifier.to(em, [booking.bookedById, booking.holderKind === 'user' ? booking.holderId : null, ...more], slotBookingMessage(booking, title, body));
}
