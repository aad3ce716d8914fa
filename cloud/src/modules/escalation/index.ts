import { runTick } from './actions/run-tick';

/** The `escalation` cloud function's action table (timer-triggered). */
export const escalationActions = {
  tick: runTick,
};
