import { ZEmptyRequest } from '@hg/types';
import { definePublicAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import type { TimerJob } from '../../../core/module';
import { presentJobs } from '../timer.presenter';
import { assertMayRunTimers } from '../timer.policy';

/** 定时任务: every job's lease and last runs, for the city admin and a health check (system). */
export function defineListJobs(jobs: readonly TimerJob[]) {
  return definePublicAction({
    input: ZEmptyRequest,
    async handler(_input, ctx) {
      assertMayRunTimers(ctx, '仅限管理员查看定时任务');
      return presentJobs(
        ctx.ds.manager,
        jobs.map((j) => j.name),
        clock.now(),
      );
    },
  });
}
