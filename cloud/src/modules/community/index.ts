import { getCompound } from './actions/get-compound';
import { listBuildings } from './actions/list-buildings';
import { listCompounds } from './actions/list-compounds';
import { printPosters } from './actions/print-posters';
import { resolveScene } from './actions/resolve-scene';

/** The `community` cloud function's action table. */
export const communityActions = {
  resolveScene,
  getCompound,
  listCompounds,
  listBuildings,
  posters: printPosters,
};
