import { ErrorCode } from '@hg/types';
import type { DataSource, EntityManager } from 'typeorm';
import { clock } from '../../core/clock';
import { runInTransaction } from '../../core/data-source';
import { AppError, isUniqueViolation } from '../../core/errors';
import { UsageCounter } from './usage-counter.entity';

/** The per-person limits that must hold under concurrency; one counter row each per person. */
export type UsageScope = 'needs.create' | 'households.pending' | 'bookings.linkFamily';

export interface UsageLimit {
  userId: number;
  scope: UsageScope;
  max: number;
  /** How much of the limit is used, read inside the transaction (after the lock). */
  used(em: EntityManager): Promise<number>;
  /** The RATE_LIMITED message the person sees. */
  message: string;
  /**
   * Further rows to lock (a second limit's lock row, e.g. one per target), bumped right after the
   * person's counter and before `used`: on MySQL the transaction's first plain read fixes its
   * snapshot, so a lock taken after that read would not see the writes it waited for.
   */
  lockAlso?(em: EntityManager): Promise<void>;
}

/**
 * Run `work` in one transaction, only while the person is under `limit`. A count taken before the
 * insert's transaction lets parallel calls all pass on MySQL; so the transaction's first statement
 * bumps the person's counter row for this scope (`UPDATE … SET n = n + 1`; none affected: the
 * person's first limited write, whose row is created outside and the work run again), which holds
 * that row's lock until commit: one person's limited writes run one at a time, and the count read
 * after the bump (the transaction's first plain read, so InnoDB's snapshot starts there) sees
 * every earlier one. A refusal rolls the bump back with everything else. The same statements run
 * on SQLite, whose transactions are queued anyway — hence a counter row rather than
 * `SELECT … FOR UPDATE`, which TypeORM refuses on SQLite.
 */
export async function underLimit<T>(
  ctx: { ds: DataSource; tx<R>(work: (em: EntityManager) => Promise<R>): Promise<R> },
  limit: UsageLimit,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  const limited = (em: EntityManager) => bumpThen(em, limit, work);
  // The counter row exists after a person's first limited write: bump it straight away, and only
  // when it is missing (nothing bumped, nothing written) create it outside and run again.
  try {
    return await ctx.tx(limited);
  } catch (err) {
    if (!(err instanceof MissingCounter)) throw err;
  }
  await ensureCounter(ctx.ds, limit.userId, limit.scope);
  return ctx.tx(limited);
}

class MissingCounter extends Error {}

async function bumpThen<T>(em: EntityManager, limit: UsageLimit, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const where = { userId: limit.userId, scope: limit.scope };
  const bumped = await em.update(UsageCounter, where, { n: () => 'n + 1', updatedAt: clock.now() });
  if (bumped.affected === 0) throw new MissingCounter(`usage counter ${limit.scope} of user ${limit.userId} is missing`);
  if (bumped.affected !== 1) throw new Error(`usage counter ${limit.scope} of user ${limit.userId}: ${bumped.affected} rows`);
  if (limit.lockAlso) await limit.lockAlso(em);
  if ((await limit.used(em)) >= limit.max) throw new AppError(ErrorCode.RATE_LIMITED, limit.message);
  return work(em);
}

/**
 * The counter row exists before the transaction that locks it: created inside, two first calls
 * would take gap locks on the missing key and deadlock each other on MySQL. Rows are never deleted.
 */
async function ensureCounter(ds: DataSource, userId: number, scope: UsageScope): Promise<void> {
  if (await ds.manager.exists(UsageCounter, { where: { userId, scope } })) return;
  try {
    await runInTransaction(ds, (em) => em.insert(UsageCounter, { userId, scope, n: 0, updatedAt: clock.now() }));
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
}
