import { ratingsModule } from '../../src/modules/ratings';
import { deployFunction } from '../../src/wiring';

export const main = deployFunction('ratings', [ratingsModule]);
