import { ZBookingRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { invalidTransition } from '../../../core/errors';
import { moveBooking } from '../booking-flow';
import { runBookingStep } from '../booking-step';
import { Booking } from '../booking.entity';

/** 确认候补: take the seat a waitlist place was offered, before the offer lapses. */
export const confirmBooking = defineAction({
  input: ZBookingRequest,
  handler: ({ bookingId }, ctx) =>
    runBookingStep(
      ctx,
      (em) => em.findOne(Booking, { where: { id: bookingId } }),
      'confirm',
      async ({ em, booking, now }) => {
        if (booking.offerExpiresAt && now.getTime() > booking.offerExpiresAt.getTime()) throw invalidTransition('候补名额已过确认时间');
        await moveBooking(em, booking, 'confirm', { by: ctx.actor.userId, at: now, patch: { offerExpiresAt: null } });
      },
    ),
});
