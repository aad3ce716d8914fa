import { householdsModule } from '../../src/modules/households';
import { deployFunction } from '../../src/wiring';

export const main = deployFunction('households', [householdsModule]);
