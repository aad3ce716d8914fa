import { ratingActions, ratingsModule } from '../../src/modules/ratings';
import { deployFunction } from '../../src/wiring';

export const main = deployFunction([ratingsModule], ratingActions);
