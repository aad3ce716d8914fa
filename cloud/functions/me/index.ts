import { meModule } from '../../src/modules/me';
import { deployFunction } from '../../src/wiring';

export const main = deployFunction('me', [meModule]);
