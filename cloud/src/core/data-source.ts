import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type DataSourceOptions, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { kernel } from './kernel';

/**
 * Database selection: MySQL/MariaDB when MYSQL_URL is set (mysql:// or mariadb://), otherwise an
 * embedded SQLite file (SQLITE_PATH, default data/hongse.sqlite) so a fresh clone runs with nothing
 * installed. Production on WeChat always sets MYSQL_URL.
 */
export type Dialect = 'mysql' | 'mariadb' | 'better-sqlite3';

export function buildOptions(env: Record<string, string | undefined> = process.env): DataSourceOptions {
  const url = env.MYSQL_URL?.trim();
  const { entities, migrations } = kernel();
  const common = { entities: [...entities], migrations: [...migrations], synchronize: false, logging: false } as const;
  if (url) {
    const scheme = url.split(':')[0];
    if (scheme !== 'mysql' && scheme !== 'mariadb') throw new Error(`MYSQL_URL must start with mysql:// or mariadb://, got ${scheme}://`);
    return {
      ...common,
      // TypeORM's 'mariadb' type avoids MySQL-only DDL quirks on MariaDB (RECIPES: Database).
      type: scheme,
      url: url.replace(/^mariadb:/, 'mysql:'),
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      poolSize: Number(env.MYSQL_POOL_SIZE ?? 10),
      supportBigNumbers: true,
    } as unknown as DataSourceOptions;
  }
  const file = env.SQLITE_PATH ?? path.resolve(process.cwd(), 'data', 'hongse.sqlite');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: file,
    // WAL lets readers proceed while a write transaction runs; foreign keys are off by default in SQLite.
    prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  } as unknown as DataSourceOptions;
}

let initPromise: Promise<DataSource> | null = null;
let current: DataSource | null = null;

/**
 * One initialised DataSource per warm instance. A failed init resets the promise so the next call
 * retries instead of caching the failure (RECIPES: cold start).
 */
export function getDataSource(): Promise<DataSource> {
  if (!initPromise) {
    const ds = new DataSource(buildOptions());
    initPromise = ds.initialize().then(
      (ready) => {
        current = ready;
        return ready;
      },
      (err) => {
        initPromise = null;
        throw err;
      },
    );
  }
  return initPromise;
}

/** Replace the process-wide DataSource (tests, gateway). The caller owns its lifecycle. */
export function setDataSource(ds: DataSource): void {
  current = ds;
  initPromise = Promise.resolve(ds);
}

export async function closeDataSource(): Promise<void> {
  const ds = current;
  initPromise = null;
  current = null;
  if (ds?.isInitialized) await ds.destroy();
}

export function dialectOf(ds: DataSource): Dialect {
  return ds.options.type as Dialect;
}

// better-sqlite3 shares one connection, so overlapping transactions fail ("cannot start a
// transaction within a transaction"). Serialise them; MySQL gets real concurrency from its pool.
let sqliteQueue: Promise<unknown> = Promise.resolve();

/** InnoDB picks a victim when two transactions wait on each other; the victim may simply retry. */
const RETRYABLE_ERRNO = new Set([1213 /* ER_LOCK_DEADLOCK */, 1205 /* ER_LOCK_WAIT_TIMEOUT */]);
const MAX_ATTEMPTS = 4;

/**
 * Run `work` in one transaction: all of its writes land, or none do. On MySQL a deadlock victim
 * is retried (the whole unit of work, from its first read) a few times with jitter.
 */
export async function runInTransaction<T>(ds: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  if (dialectOf(ds) === 'better-sqlite3') {
    const run = sqliteQueue.then(() => ds.transaction(work));
    sqliteQueue = run.catch(() => undefined);
    return run;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await ds.transaction(work);
    } catch (err) {
      const errno = (err as { driverError?: { errno?: number } }).driverError?.errno;
      if (attempt >= MAX_ATTEMPTS || errno === undefined || !RETRYABLE_ERRNO.has(errno)) throw err;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }
}

/** Apply pending migrations, each in its own transaction (MySQL DDL auto-commits regardless). */
export async function migrate(ds: DataSource): Promise<string[]> {
  const done = await ds.runMigrations({ transaction: 'each' });
  return done.map((m) => m.name);
}

/**
 * Read one row by id under a shared lock held until the transaction ends (`LOCK IN SHARE MODE`,
 * which MySQL 8 and MariaDB both accept; TypeORM's `pessimistic_read` writes `FOR SHARE` for the
 * mysql driver, which MariaDB refuses): a transaction that changes the row waits for this one to
 * commit, and this one waits for a change in flight. Many readers share the lock, so it guards a
 * rule ("only while the period is open") without serialising them. Make it the transaction's
 * first read: InnoDB's snapshot then starts after the lock, so the row is read as last committed.
 * SQLite's transactions are queued (runInTransaction), so a plain read there is the same guarantee.
 */
export async function findLockedShared<E extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<E>, id: number): Promise<E | null> {
  if (dialectOf(em.connection) !== 'better-sqlite3') {
    const table = em.connection.getMetadata(entity).tableName;
    await em.query(`SELECT id FROM \`${table}\` WHERE id = ? LOCK IN SHARE MODE`, [id]);
  }
  return em.findOne(entity, { where: { id } as never });
}
