import { meActions, meModule } from '../../src/modules/me';
import { deployFunction } from '../../src/wiring';

export const main = deployFunction([meModule], meActions);
