import { ZClosePreviewRequest, type ClosePreviewDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { closedDaysOf } from '../../slots/public';
import { loadCentre } from '../centres';
import { mealDayBookings } from '../meal-days';
import { assertCentreStaff } from '../venue/venue.policy';

/**
 * Before 设为休息日: how many meal sittings the day has, how many live bookings closing it would
 * cancel and how many elders would be told — the numbers the console's confirm shows.
 */
export const getClosePreview = defineAction({
  input: ZClosePreviewRequest,
  async handler({ centreId, day }, { actor, ds }): Promise<ClosePreviewDTO> {
    await loadCentre(ds.manager, centreId);
    assertCentreStaff(actor, centreId);
    const closed = (await closedDaysOf(ds.manager, centreId, [day])).length > 0;
    return { day, closed, ...(await mealDayBookings(ds.manager, centreId, day)) };
  },
});
