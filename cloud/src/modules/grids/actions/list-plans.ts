import { In, LessThanOrEqual } from 'typeorm';
import { localDay } from '@hg/types/local-time';
import { ZListPlansRequest } from '@hg/types/grids-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { liveGridsOf } from '../../identity/public';
import { GridPlan } from '../entities';
import { visibleGrid } from '../grid-reads';
import { presentPlans } from '../plan.presenter';

/**
 * 今日走访: open planned visits whose window has started — `due` (today is inside it) and
 * `overdue` (past its latest day, oldest first) — of the grids the worker is on, or of one grid.
 */
export const listPlans = defineAction({
  input: ZListPlansRequest,
  async handler(input, { ds, actor }) {
    const today = localDay(clock.now());
    let gridIds: number[];
    if (input.gridId !== undefined) gridIds = [(await visibleGrid(ds.manager, actor, input.gridId)).id];
    else gridIds = await liveGridsOf(ds.manager, actor.userId);
    if (!gridIds.length) return { due: [], overdue: [] };
    const open = await ds.manager.find(GridPlan, {
      where: { gridId: In(gridIds), status: 'planned', earliest: LessThanOrEqual(today) },
      order: { latest: 'ASC', id: 'ASC' },
      take: 500,
    });
    const all = await presentPlans(ds.manager, open, today);
    return { due: all.filter((p) => !p.overdue), overdue: all.filter((p) => p.overdue) };
  },
});
