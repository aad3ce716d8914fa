import { ErrorCode, ZEscalationTickRequest, type EscalationTickDTO } from '@hg/types';
import { definePublicAction, type PublicActionContext } from '../../../core/action';
import { clock } from '../../../core/clock';
import { AppError, invalidInput } from '../../../core/errors';
import type { TimerJob } from '../../../core/module';

/**
 * The one timer action: runs every module's jobs with one `now` (a WeChat timer trigger; an
 * interval in the local gateway; called directly in tests with the clock moved). Only the
 * platform trigger or an admin may run it; `now` may be given only outside production.
 */
export function defineTick(jobs: readonly TimerJob[]) {
  return definePublicAction({
    input: ZEscalationTickRequest,
    async handler({ now: nowInput }, ctx) {
      const isAdmin = ctx.actor?.roles.some((r) => r.role === 'admin') ?? false;
      if (!ctx.system && !isAdmin) throw new AppError(ErrorCode.FORBIDDEN, '仅限定时任务或管理员调用');
      if (nowInput && process.env.NODE_ENV === 'production') throw invalidInput('now', '生产环境不可指定时间');
      return runJobs(ctx, jobs, nowInput ? new Date(nowInput) : clock.now());
    },
  });
}

/** Run the jobs in order and sum what each reports, key by key. */
export async function runJobs(ctx: Pick<PublicActionContext, 'ds' | 'tx' | 'platform'>, jobs: readonly TimerJob[], now: Date): Promise<EscalationTickDTO> {
  const total: Record<string, number> = {};
  for (const job of jobs) {
    const counts = await job.run({ em: ctx.ds.manager, platform: ctx.platform, tx: ctx.tx }, now);
    for (const [k, v] of Object.entries(counts)) total[k] = (total[k] ?? 0) + v;
  }
  return total as EscalationTickDTO;
}
