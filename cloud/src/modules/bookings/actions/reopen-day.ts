import { localDay, ZReopenDayRequest, type ReopenDayDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { AppError, invalidInput, invalidTransition } from '../../../core/errors';
import { closedDayReason, reopenDay } from '../../slots/public';
import { loadCentre } from '../centres';
import { monthDay, reopenMealDay } from '../meal-days';
import { assertCentreStaff } from '../venue/venue.policy';

/**
 * 撤销休息日: the centre's staff (as for closing) open a closed day again, today or later. The day's
 * record goes (so sittings may be saved and copied onto it), and the meal sittings the close
 * withdrew stay withdrawn — their bookings were cancelled and the elders told — until the centre
 * publishes the day again (reopenMealDay). The delete is the compare-and-set: of two staff
 * reopening at once one succeeds, the other is told the day is no longer closed.
 */
export const reopenCentreDay = defineAction({
  input: ZReopenDayRequest,
  async handler({ centreId, day }, ctx): Promise<ReopenDayDTO> {
    await loadCentre(ctx.ds.manager, centreId);
    assertCentreStaff(ctx.actor, centreId);
    const now = clock.now();
    if (day < localDay(now)) throw invalidInput('day', '过去的休息日不能撤销');
    const notClosed = () => invalidTransition(`${monthDay(day)}不是休息日（可能已被其他同事恢复），请刷新`);
    return ctx.tx(async (em) => {
      const reason = await closedDayReason(em, centreId, day);
      if (reason === null) throw notClosed();
      try {
        await reopenDay(em, { venueId: centreId, day });
      } catch (err) {
        // The row went between the read and the delete: another reopen won.
        if (err instanceof AppError && err.code === 'NOT_FOUND') throw notClosed();
        throw err;
      }
      const { withdrawn } = await reopenMealDay(em, { centreId, day, reason, by: ctx.actor.userId, at: now });
      return { day, withdrawn };
    });
  },
});
