import { PRODUCT_MODULES } from '../../src/registry';
import { timerActions } from '../../src/modules/timers';
import { deployTimers } from '../../src/wiring';

/** The timer function: the jobs of every module of the product (registry.ts), each under its lease. */
export const main = deployTimers(PRODUCT_MODULES, timerActions);
