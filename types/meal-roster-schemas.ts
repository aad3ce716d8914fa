import { z } from 'zod';
import { PaidBy } from './bookings';
import { DeliveryMiss } from './meal-roster';
import { enumOf, id, isoDay, optionalText } from './primitives';

/** Today's roster at the counter: `q` narrows it to names (or codes) containing the text. */
export const ZMealRosterRequest = z
  .object({
    centreId: id,
    day: isoDay.optional(),
    q: z.string().trim().max(20, '最多20个字').optional(),
  })
  .strict();
export type TMealRosterRequest = z.input<typeof ZMealRosterRequest>;

/** Redeem a booking picked from the roster by name (the elder has no code to show). */
export const ZRedeemByIdRequest = z.object({ centreId: id, bookingId: id, paidBy: enumOf(PaidBy).optional() }).strict();
export type TRedeemByIdRequest = z.input<typeof ZRedeemByIdRequest>;

/** 「不在家 / 拒收」: a delivered meal that did not reach the elder, with what the round saw. */
export const ZMissDeliveryRequest = z
  .object({
    bookingId: id,
    reason: enumOf(DeliveryMiss),
    note: optionalText(100),
  })
  .strict();
export type TMissDeliveryRequest = z.input<typeof ZMissDeliveryRequest>;
