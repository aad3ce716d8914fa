import { ZReservationRequest } from '@hg/types/slots-schemas';
import { defineAction } from '../../../core/action';
import { checkOut } from '../../slots/public';
import { runReservationStep } from '../venue/venue-step';

/** 签退: centre staff record when a checked-in holder left (the booking ends with its times). */
export const checkOutReservation = defineAction({
  input: ZReservationRequest,
  handler: ({ reservationId }, ctx) =>
    runReservationStep(ctx, reservationId, 'checkOut', ({ em, now }) => checkOut(em, reservationId, { by: ctx.actor.userId, at: now })),
});
