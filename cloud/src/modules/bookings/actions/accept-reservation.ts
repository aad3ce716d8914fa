import { ZReservationRequest } from '@hg/types/slots-schemas';
import { defineAction } from '../../../core/action';
import { acceptOffer } from '../../slots/public';
import { runReservationStep } from '../venue/venue-step';

/** 确认候补名额: take up the seat offered from the waitlist before the offer lapses. */
export const acceptReservation = defineAction({
  input: ZReservationRequest,
  handler: ({ reservationId }, ctx) =>
    runReservationStep(ctx, reservationId, 'accept', ({ em, now }) => acceptOffer(em, reservationId, { by: ctx.actor.userId, at: now })),
});
