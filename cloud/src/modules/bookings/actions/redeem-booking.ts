import { localDay, ZRedeemRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forbidden, invalidTransition } from '../../../core/errors';
import { moveBooking } from '../booking-flow';
import { isCentreStaff } from '../booking.policy';
import { runBookingStep } from '../booking-step';
import { Booking } from '../booking.entity';

/**
 * 核销 at the counter: the code the elder shows, redeemed exactly once (compare-and-set on
 * `booked`: a second scan is INVALID_TRANSITION, two counters at once one success and CONFLICT).
 * Only on the slot's day, only dine-in (a delivery is marked delivered by the round).
 */
export const redeemBooking = defineAction({
  input: ZRedeemRequest,
  async handler({ centreId, code, paidBy }, ctx) {
    if (!isCentreStaff(ctx.actor, centreId)) throw forbidden('只有本中心工作人员可以核销');
    return runBookingStep(
      ctx,
      (em) => em.findOne(Booking, { where: { centreId, code } }),
      'redeem',
      async ({ em, booking, slot, now }) => {
        if (booking.status === 'redeemed') throw invalidTransition(`已于${booking.redeemedAt ? localDay(booking.redeemedAt) : ''}核销过，不能重复核销`);
        if (booking.mode !== 'dine_in') throw invalidTransition('这是送餐预订，请在送餐时标记送达');
        if (slot.day !== localDay(now)) throw invalidTransition(`这是${slot.day}的预订，不是今天的`);
        await moveBooking(em, booking, 'redeem', {
          by: ctx.actor.userId,
          at: now,
          patch: { redeemedAt: now, redeemedById: ctx.actor.userId, paidBy: booking.payFen === 0 ? 'none' : (paidBy ?? null) },
        });
      },
    );
  },
});
