import { cobuildingModule } from '../../src/modules/cobuilding';
import { deployFunction } from '../../src/wiring';

export const main = deployFunction('cobuilding', [cobuildingModule]);
