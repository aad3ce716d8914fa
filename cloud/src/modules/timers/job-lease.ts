import crypto from 'node:crypto';
import { In, LessThan, type DataSource, type EntityManager } from 'typeorm';
import { clock } from '../../core/clock';
import { isUniqueViolation } from '../../core/errors';
import { TimerJobRecord } from './timer-job.entity';
import { TimerRun } from './timer-run.entity';

/**
 * How long a job's lease holds without a release. Longer than WeChat's 60 s function timeout (a
 * tick, and so every job in it, is dead by then), so a live run never loses its lease there; short
 * enough that the next tick (every 5 minutes) takes over the job of an instance that died mid-run.
 */
export const LEASE_MS = 2 * 60 * 1000;
/** Attempts (runs and skips) kept per job; older ones are deleted by the lease holder. */
export const RUNS_KEPT = 100;

type Ctx = { ds: DataSource; tx<T>(work: (em: EntityManager) => Promise<T>): Promise<T> };

/** The id one tick writes as the holder of every lease it takes. */
export const newHolder = (): string => `tick-${crypto.randomBytes(6).toString('hex')}`;

/**
 * Rows for jobs that never ran. Insert-if-missing: of ticks inserting the same name at once, one
 * wins and the others meet the unique key, which is fine — the row exists either way.
 */
export async function ensureJobRows(ctx: Ctx, names: readonly string[]): Promise<void> {
  if (!names.length) return;
  const known = new Set((await ctx.ds.manager.find(TimerJobRecord, { select: { name: true }, where: { name: In([...names]) } })).map((r) => r.name));
  for (const name of names) {
    if (known.has(name)) continue;
    try {
      await ctx.tx((em) => em.insert(TimerJobRecord, { name, holder: null, leaseUntil: null, failStreak: 0 }));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
}

/**
 * Take the job's lease for `holder`, or null while another tick holds it. One conditional UPDATE
 * (free or lapsed → ours; affected rows checked) is the whole decision, so it holds across
 * instances on MySQL. Taking over a lapsed lease closes the dead holder's run as failed
 * (`LEASE_LAPSED`) and counts it in the fail streak. Returns the new run, `running`.
 *
 * The run's start is read from the clock after the lease is ours, not taken from `at`: `at` was
 * read before this transaction, and when the previous holder released the lease while our UPDATE
 * waited for its row, `at` can be a millisecond before that holder's recorded finish — the runs'
 * times would then overlap on paper although the lease never let them overlap.
 */
export async function takeLease(ctx: Ctx, job: string, holder: string, at: Date): Promise<TimerRun | null> {
  return ctx.tx(async (em) => {
    const taken = await em
      .createQueryBuilder()
      .update(TimerJobRecord)
      .set({ holder, leaseUntil: new Date(at.getTime() + LEASE_MS), lastStartedAt: at, lastFinishedAt: null, lastOutcome: 'running' })
      .where('name = :job', { job })
      .andWhere('(leaseUntil IS NULL OR leaseUntil < :at)', { at })
      .execute();
    if (taken.affected !== 1) return null;
    const interrupted = await em.update(
      TimerRun,
      { job, outcome: 'running' },
      { outcome: 'failed', finishedAt: at, errorCode: 'LEASE_LAPSED', errorMessage: '运行中断（实例超时或退出），租约到期后由下一次定时任务接管' },
    );
    if (interrupted.affected) await em.update(TimerJobRecord, { name: job }, { failStreak: () => 'failStreak + 1' });
    const startedAt = new Date(Math.max(at.getTime(), clock.now().getTime()));
    return em.save(
      em.create(TimerRun, { job, holder, outcome: 'running', startedAt, finishedAt: null, counts: null, errorCode: null, errorMessage: null }),
    );
  });
}

export type RunResult = { outcome: 'ok'; counts: Record<string, number> } | { outcome: 'failed'; error: { code: string; message: string } };

/**
 * End a run: give the lease back (compare-and-set on the holder, so a run that outlived its lease
 * never frees the lease of the tick that took over — its run is marked `LEASE_LOST` instead), write
 * the job's summary and the run's outcome, and keep the newest RUNS_KEPT attempts of the job.
 */
export async function finishRun(ctx: Ctx, run: TimerRun, result: RunResult, at: Date): Promise<void> {
  await ctx.tx(async (em) => {
    const summary = result.outcome === 'ok' ? { lastOkAt: at, failStreak: 0 } : { failStreak: () => 'failStreak + 1' };
    const released = await em.update(
      TimerJobRecord,
      { name: run.job, holder: run.holder },
      { holder: null, leaseUntil: null, lastFinishedAt: at, lastOutcome: result.outcome, ...summary },
    );
    const error =
      result.outcome === 'failed' ? result.error : released.affected !== 1 ? { code: 'LEASE_LOST', message: '运行超过租期，任务已被另一次定时任务接管' } : null;
    await em.update(
      TimerRun,
      { id: run.id },
      {
        outcome: result.outcome,
        finishedAt: at,
        counts: result.outcome === 'ok' ? JSON.stringify(result.counts) : null,
        errorCode: error?.code ?? null,
        errorMessage: error?.message.slice(0, 200) ?? null,
      },
    );
    await prune(em, run.job);
  });
}

/** A tick found the job's lease held: the attempt is recorded, the job not run. */
export async function recordSkip(ctx: Ctx, job: string, holder: string, at: Date): Promise<void> {
  await ctx.tx((em) =>
    em.insert(TimerRun, { job, holder, outcome: 'skipped', startedAt: at, finishedAt: at, counts: null, errorCode: null, errorMessage: null }),
  );
}

/** Delete the job's attempts older than the newest RUNS_KEPT (an index range on (job, id)). */
async function prune(em: EntityManager, job: string): Promise<void> {
  const edge: { id: number | string } | undefined = await em
    .createQueryBuilder(TimerRun, 'r')
    .select('r.id', 'id')
    .where('r.job = :job', { job })
    .orderBy('r.id', 'DESC')
    .offset(RUNS_KEPT - 1)
    .limit(1)
    .getRawOne();
  if (edge) await em.delete(TimerRun, { job, id: LessThan(Number(edge.id)) });
}
