import { localDay, ZBookingRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { invalidTransition } from '../../../core/errors';
import { moveBooking } from '../booking-flow';
import { runBookingStep } from '../booking-step';
import { Booking } from '../booking.entity';

/** 送达: the delivery round marks a delivered meal (once). */
export const deliverBooking = defineAction({
  input: ZBookingRequest,
  handler: ({ bookingId, paidBy }, ctx) =>
    runBookingStep(
      ctx,
      (em) => em.findOne(Booking, { where: { id: bookingId } }),
      'deliver',
      async ({ em, booking, slot, now }) => {
        if (booking.mode !== 'delivery') throw invalidTransition('这是堂食预订，请在柜台核销');
        if (slot.day !== localDay(now)) throw invalidTransition(`这是${slot.day}的预订，不是今天的`);
        await moveBooking(em, booking, 'deliver', {
          by: ctx.actor.userId,
          at: now,
          patch: { redeemedAt: now, redeemedById: ctx.actor.userId, paidBy: booking.payFen === 0 ? 'none' : (paidBy ?? null) },
        });
      },
    ),
});
