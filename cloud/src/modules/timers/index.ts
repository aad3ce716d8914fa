import type { DomainModule, TimerJob } from '../../core/module';
import { identityModule } from '../identity';
import { defineTick } from './actions/run-tick';

/**
 * The deployed timer function (named `escalation` for existing deployments): one `tick` action
 * that runs the jobs every module contributes (DomainModule.timers).
 */
export const timersModule: DomainModule = {
  name: 'timers',
  entities: [],
  requires: [identityModule],
};

export function timerActions(jobs: readonly TimerJob[]) {
  return { tick: defineTick(jobs) };
}
