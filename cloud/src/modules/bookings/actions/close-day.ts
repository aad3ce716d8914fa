import { ZCloseDayRequest } from '@hg/types/slots-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { Notifier } from '../../notifications/public';
import { closeDay } from '../../slots/public';
import { loadCentre } from '../centres';
import { assertCentreStaff } from '../venue/venue.policy';

/**
 * 设为休息日: the centre closes a day on the engine — its rooms, consultations and visits that day
 * are withdrawn with notice, and nothing more may be published on it.
 */
export const closeCentreDay = defineAction({
  input: ZCloseDayRequest,
  async handler({ centreId, day, reason }, ctx) {
    await loadCentre(ctx.ds.manager, centreId);
    assertCentreStaff(ctx.actor, centreId);
    const notifier = new Notifier();
    const done = await ctx.tx((em) => closeDay(em, { venueId: centreId, day, reason, by: ctx.actor.userId, at: clock.now(), notifier }));
    await notifier.flush(ctx.ds.manager, ctx.platform);
    return { day, ...done };
  },
});
