import { homeModule } from '../../src/modules/home';
import { deployFunction } from '../../src/wiring';

/** The hierarchy and the compound home: the home module serves the whole `community` catalogue. */
export const main = deployFunction('community', [homeModule]);
