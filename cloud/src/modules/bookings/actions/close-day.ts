import { localDay } from '@hg/types';
import { ZCloseDayRequest } from '@hg/types/slots-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { invalidInput } from '../../../core/errors';
import { Notifier } from '../../notifications/public';
import { closeDay } from '../../slots/public';
import { loadCentre } from '../centres';
import { closeMealDay } from '../meal-days';
import { assertCentreStaff } from '../venue/venue.policy';

/**
 * 设为休息日: the centre closes a day — in one transaction the day is recorded (so nothing more may
 * be published, saved or copied onto it), its rooms, consultations and visits are withdrawn on the
 * engine, and its meal sittings are withdrawn with every live booking cancelled; everyone booked is
 * told once. `slots` and `bookings` count both sides.
 */
export const closeCentreDay = defineAction({
  input: ZCloseDayRequest,
  async handler({ centreId, day, reason }, ctx) {
    await loadCentre(ctx.ds.manager, centreId);
    assertCentreStaff(ctx.actor, centreId);
    const now = clock.now();
    if (day < localDay(now)) throw invalidInput('day', '不能把过去的日子设为休息日');
    const notifier = new Notifier();
    const done = await ctx.tx(async (em) => {
      const engine = await closeDay(em, { venueId: centreId, day, reason, by: ctx.actor.userId, at: now, notifier });
      const meals = await closeMealDay(em, { centreId, day, reason, by: ctx.actor.userId, at: now, notifier });
      return { slots: engine.slots + meals.sittings, bookings: engine.bookings + meals.bookings };
    });
    return { day, ...done };
  },
});
