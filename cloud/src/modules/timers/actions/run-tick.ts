import crypto from 'node:crypto';
import { ErrorCode, ZEscalationTickRequest, type EscalationTickDTO } from '@hg/types';
import { definePublicAction, type PublicActionContext } from '../../../core/action';
import { clock } from '../../../core/clock';
import { AppError, invalidInput } from '../../../core/errors';
import type { TimerJob } from '../../../core/module';
import { ensureJobRows, finishRun, newHolder, recordSkip, takeLease } from '../job-lease';
import { assertMayRunTimers } from '../timer.policy';

/**
 * The one timer action: runs every module's jobs with one `now` (a WeChat timer trigger; an
 * interval in the local gateway; called directly in tests with the clock moved). Only the
 * platform trigger or an admin may run it; `now` may be given only outside production.
 */
export function defineTick(jobs: readonly TimerJob[]) {
  return definePublicAction({
    input: ZEscalationTickRequest,
    async handler({ now: nowInput }, ctx) {
      assertMayRunTimers(ctx, '仅限定时任务或管理员调用');
      if (nowInput && process.env.NODE_ENV === 'production') throw invalidInput('now', '生产环境不可指定时间');
      return runJobs(ctx, jobs, nowInput ? new Date(nowInput) : clock.now());
    },
  });
}

/**
 * Run the jobs in order, each under its lease, and sum what they report key by key, plus how many
 * jobs this tick `skipped` (another tick was running them) and how many `failed` (recorded; the
 * next jobs still run). `now` is the jobs' notion of time; leases and run records use the clock.
 */
export async function runJobs(ctx: Pick<PublicActionContext, 'ds' | 'tx' | 'platform'>, jobs: readonly TimerJob[], now: Date): Promise<EscalationTickDTO> {
  const holder = newHolder();
  await ensureJobRows(
    ctx,
    jobs.map((j) => j.name),
  );
  const total: Record<string, number> = {};
  let skipped = 0;
  let failed = 0;
  for (const job of jobs) {
    const run = await takeLease(ctx, job.name, holder, clock.now());
    if (!run) {
      await recordSkip(ctx, job.name, holder, clock.now());
      skipped++;
      continue;
    }
    let counts: Record<string, number>;
    try {
      counts = await job.run({ em: ctx.ds.manager, platform: ctx.platform, tx: ctx.tx }, now);
    } catch (err) {
      await finishRun(ctx, run, { outcome: 'failed', error: failureOf(job.name, err) }, clock.now());
      failed++;
      continue;
    }
    await finishRun(ctx, run, { outcome: 'ok', counts }, clock.now());
    for (const [k, v] of Object.entries(counts)) total[k] = (total[k] ?? 0) + v;
  }
  return { ...total, skipped, failed };
}

/**
 * What a failed run records for the admin: an AppError's code and message; anything else only its
 * class and a reference into the function log, where the stack is (never in the table).
 */
function failureOf(job: string, err: unknown): { code: string; message: string } {
  const ref = crypto.randomBytes(4).toString('hex');
  console.error(`[timers ${ref}] ${job} failed`, err);
  if (err instanceof AppError) return { code: err.code, message: err.message };
  const kind = err instanceof Error ? err.name : typeof err;
  return { code: ErrorCode.INTERNAL, message: `${kind}（日志编号 ${ref}）` };
}
