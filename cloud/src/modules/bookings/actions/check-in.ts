import { ZCheckInRequest } from '@hg/types/slots-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { checkIn, type SlotBookingView } from '../../slots/public';
import { presentReservations } from '../venue/venue.presenter';
import { assertCentreStaff } from '../venue/venue.policy';
import { runReservationStep } from '../venue/venue-step';

/**
 * 签到: centre staff check a holder in on the slot's day — by the code the holder shows at this
 * centre, or by the booking found on the roster by name (for someone without the code).
 */
export const checkInReservation = defineAction({
  input: ZCheckInRequest,
  async handler(input, ctx) {
    if ('reservationId' in input) {
      return runReservationStep(ctx, input.reservationId, 'checkIn', ({ em, now }) => checkIn(em, { bookingId: input.reservationId }, { by: ctx.actor.userId, at: now }));
    }
    assertCentreStaff(ctx.actor, input.centreId);
    const now = clock.now();
    const done: SlotBookingView = await ctx.tx((em) => checkIn(em, { venueId: input.centreId, code: input.code }, { by: ctx.actor.userId, at: now }));
    return (await presentReservations(ctx.ds.manager, [done], ctx.actor, now))[0];
  },
});
