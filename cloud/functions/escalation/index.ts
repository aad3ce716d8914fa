import { needsModule } from '../../src/modules/needs';
import { deployTimers } from '../../src/wiring';

/** The timer function: every module with timer jobs is listed here (bookings and ratings next). */
export const main = deployTimers([needsModule]);
