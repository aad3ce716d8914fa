import { addDays, localDay, ZClosedDaysRequest, type ClosedDayDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { closedDaysOf } from '../../slots/public';
import { loadCentre } from '../centres';

/**
 * 休息日: the days among the 7 from `from` (default today, Beijing time) the centre has closed, with
 * the reason — public like the menu, so the week page, the console and the printed menu say 休息.
 */
export const listClosedDays = defineAction({
  input: ZClosedDaysRequest,
  async handler({ centreId, from }, { ds }): Promise<ClosedDayDTO[]> {
    await loadCentre(ds.manager, centreId);
    const first = from ?? localDay(clock.now());
    return closedDaysOf(
      ds.manager,
      centreId,
      Array.from({ length: 7 }, (_, i) => addDays(first, i)),
    );
  },
});
