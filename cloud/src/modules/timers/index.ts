import type { DomainModule, TimerJob } from '../../core/module';
import { identityModule } from '../identity';
import { defineListJobs } from './actions/list-jobs';
import { defineTick } from './actions/run-tick';
import { TimerJobRecord } from './timer-job.entity';
import { TimerRun } from './timer-run.entity';

/**
 * The deployed timer function (named `escalation` for existing deployments): `tick` runs the jobs
 * every module contributes (DomainModule.timers), each under a lease in `timer_jobs`, recording
 * every attempt in `timer_runs`; `jobs` shows them to the admin.
 */
export const timersModule: DomainModule = {
  name: 'timers',
  entities: [TimerJobRecord, TimerRun],
  requires: [identityModule],
  capabilities: ['timerStatus'],
};

export function timerActions(jobs: readonly TimerJob[]) {
  return { tick: defineTick(jobs), jobs: defineListJobs(jobs) };
}
