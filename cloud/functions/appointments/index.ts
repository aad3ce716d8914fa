import { appointmentsModule } from '../../src/modules/appointments';
import { deployFunction } from '../../src/wiring';

/** 人员任命: appoint and revoke posts, with their history. */
export const main = deployFunction('appointments', [appointmentsModule]);
