import { gridsModule } from '../../src/modules/grids';
import { deployFunction } from '../../src/wiring';

/** 红色网格: grids, their coverage and workers, and the grid workers' visits. */
export const main = deployFunction('grids', [gridsModule]);
