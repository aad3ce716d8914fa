import { needsModule } from '../../src/modules/needs';
import { deployFunction } from '../../src/wiring';

export const main = deployFunction('needs', [needsModule]);
