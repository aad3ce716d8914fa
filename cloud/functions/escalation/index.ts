import { bookingsModule } from '../../src/modules/bookings';
import { needsModule } from '../../src/modules/needs';
import { ratingsModule } from '../../src/modules/ratings';
import { deployTimers } from '../../src/wiring';

/** The timer function: every module with timer jobs is listed here. */
export const main = deployTimers([needsModule, bookingsModule, ratingsModule]);
