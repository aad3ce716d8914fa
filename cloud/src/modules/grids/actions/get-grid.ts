import { ZGridRequest } from '@hg/types/grids-schemas';
import { defineAction } from '../../../core/action';
import { liveGridsOf } from '../../identity/public';
import { visibleGrid } from '../grid-reads';
import { presentGrids } from '../grid.presenter';

/** One grid with its coverage and workers, live and ended. */
export const getGrid = defineAction({
  input: ZGridRequest,
  async handler(input, { ds, actor }) {
    const grid = await visibleGrid(ds.manager, actor, input.gridId);
    const [dto] = await presentGrids(ds.manager, actor, [grid], new Set(await liveGridsOf(ds.manager, actor.userId)));
    return dto;
  },
});
