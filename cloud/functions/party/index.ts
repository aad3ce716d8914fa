import { partyModule } from '../../src/modules/party';
import { deployFunction } from '../../src/wiring';

export const main = deployFunction('party', [partyModule]);
