import { communityActions, communityModule } from '../../src/modules/community';
import { homeActions, homeModule } from '../../src/modules/home';
import { deployFunction } from '../../src/wiring';

export const main = deployFunction([communityModule, homeModule], { ...communityActions, ...homeActions });
