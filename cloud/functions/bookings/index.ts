import { bookingsModule } from '../../src/modules/bookings';
import { deployFunction } from '../../src/wiring';

export const main = deployFunction('bookings', [bookingsModule]);
