import { localDay, ZRedeemRequest, type PaidBy } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forbidden, invalidTransition } from '../../../core/errors';
import { moveBooking } from '../booking-flow';
import { isCentreStaff } from '../booking.policy';
import type { BookingStep } from '../booking-step';
import { runBookingStep } from '../booking-step';
import { Booking } from '../booking.entity';

/**
 * The one redemption, whichever way the booking was found (the code shown, or the name on the
 * roster): `booked` → `redeemed` through the machine's compare-and-set, so a second tap or a second
 * counter is INVALID_TRANSITION or CONFLICT and the subsidy report counts either the same. Only on
 * the slot's day, only dine-in (a delivery is marked delivered by the round). `how` goes to the log.
 */
export async function redeemAtCounter({ em, booking, slot, now }: BookingStep, by: number, paidBy: PaidBy | undefined, how: string | null): Promise<void> {
  if (booking.status === 'redeemed') throw invalidTransition(`已于${booking.redeemedAt ? localDay(booking.redeemedAt) : ''}核销过，不能重复核销`);
  if (booking.mode !== 'dine_in') throw invalidTransition('这是送餐预订，请在送餐时标记送达');
  if (slot.day !== localDay(now)) throw invalidTransition(`这是${slot.day}的预订，不是今天的`);
  await moveBooking(em, booking, 'redeem', {
    by,
    at: now,
    patch: { redeemedAt: now, redeemedById: by, paidBy: booking.payFen === 0 ? 'none' : (paidBy ?? null) },
    note: how,
  });
}

/**
 * 核销 at the counter: the code the elder shows, redeemed exactly once (compare-and-set on
 * `booked`: a second scan is INVALID_TRANSITION, two counters at once one success and CONFLICT).
 */
export const redeemBooking = defineAction({
  input: ZRedeemRequest,
  async handler({ centreId, code, paidBy }, ctx) {
    if (!isCentreStaff(ctx.actor, centreId)) throw forbidden('只有本中心工作人员可以核销');
    return runBookingStep(
      ctx,
      (em) => em.findOne(Booking, { where: { centreId, code } }),
      'redeem',
      (step) => redeemAtCounter(step, ctx.actor.userId, paidBy, null),
    );
  },
});
