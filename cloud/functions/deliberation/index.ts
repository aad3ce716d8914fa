import { deliberationModule } from '../../src/modules/deliberation';
import { deployFunction } from '../../src/wiring';

export const main = deployFunction('deliberation', [deliberationModule]);
