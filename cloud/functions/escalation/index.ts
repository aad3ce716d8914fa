import { bookingsModule } from '../../src/modules/bookings';
import { needsModule } from '../../src/modules/needs';
import { deployTimers } from '../../src/wiring';

/** The timer function: every module with timer jobs is listed here (ratings next). */
export const main = deployTimers([needsModule, bookingsModule]);
