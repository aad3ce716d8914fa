import { ZRedeemByIdRequest } from '@hg/types/meal-roster-schemas';
import { defineAction } from '../../../core/action';
import { forbidden } from '../../../core/errors';
import { isCentreStaff } from '../booking.policy';
import { runBookingStep } from '../booking-step';
import { Booking } from '../booking.entity';
import { redeemAtCounter } from './redeem-booking';

/**
 * 按姓名核销: the counter found the elder on today's roster by name (booked by phone, no code to
 * show) and redeems that booking — the same transition as a code, so it is counted for the subsidy
 * exactly alike and the timer never marks it 未到. Staff of the booking's centre only; a booking of
 * another centre is NOT_FOUND.
 */
export const redeemFromRoster = defineAction({
  input: ZRedeemByIdRequest,
  async handler({ centreId, bookingId, paidBy }, ctx) {
    if (!isCentreStaff(ctx.actor, centreId)) throw forbidden('只有本中心工作人员可以核销');
    return runBookingStep(
      ctx,
      (em) => em.findOne(Booking, { where: { id: bookingId, centreId } }),
      'redeem',
      (step) => redeemAtCounter(step, ctx.actor.userId, paidBy, '按姓名核销'),
    );
  },
});
