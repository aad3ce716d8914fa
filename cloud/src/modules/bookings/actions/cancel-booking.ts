import { ZBookingRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { invalidTransition } from '../../../core/errors';
import { bookingMessage, moveBooking, passSeatOn } from '../booking-flow';
import { runBookingStep } from '../booking-step';
import { Booking } from '../booking.entity';
import { Elder } from '../elder.entity';

/**
 * 取消预订, before the cut-off. A held seat passes to the first in line (offered, to confirm) or
 * goes back to the slot; a waitlist place simply ends.
 */
export const cancelBooking = defineAction({
  input: ZBookingRequest,
  handler: ({ bookingId }, ctx) =>
    runBookingStep(
      ctx,
      (em) => em.findOne(Booking, { where: { id: bookingId } }),
      'cancel',
      async ({ em, booking, slot, elder, rel, now, notifier }) => {
        const held = booking.status === 'booked' || booking.status === 'offered';
        if (held && now.getTime() >= slot.cutoffAt.getTime()) throw invalidTransition('已过截止时间，不能取消；如不能来请联系中心');
        await moveBooking(em, booking, 'cancel', { by: ctx.actor.userId, at: now, patch: { activeKey: null, offerExpiresAt: null } });
        if (held) await passSeatOn(em, slot, booking.mode, now, notifier, (id) => em.findOne(Elder, { where: { id } }));
        // Staff cancelling for someone: tell the elder and whoever booked.
        if (rel.staff && !rel.elder && !rel.booker)
          await notifier.to(em, [elder.userId, booking.bookedById], bookingMessage(booking, '预订已取消', `${slot.day} ${slot.title} 的预订已由中心取消`));
      },
    ),
});
