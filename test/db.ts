import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { DataSource, getMetadataArgsStorage } from 'typeorm';
import '../cloud/src/app';
import { buildOptions, closeDataSource, migrate, setDataSource } from '../cloud/src/core/data-source';
import { kernel } from '../cloud/src/core/kernel';
import { seedDemo } from '../cloud/src/seed/seed';

/**
 * Test databases. Every database test runs on SQLite, and on MySQL/MariaDB too when MYSQL_URL is
 * set; each test file creates its own database (a copy of a template, below) and drops it
 * afterwards, so files and runs never see each other's rows.
 */
export type TestDialect = 'sqlite' | 'mysql';
export const DIALECTS: TestDialect[] = process.env.MYSQL_URL ? ['sqlite', 'mysql'] : ['sqlite'];

export interface TestDb {
  dialect: TestDialect;
  ds: DataSource;
  drop(): Promise<void>;
}

export interface TestDbOptions {
  /** Load the demo data (default true). */
  seed?: boolean;
  /**
   * TypeORM driver type for the MySQL dialect, overriding MYSQL_URL's scheme. Only the schema test
   * sets it: on a MariaDB server, 'mariadb' is the type that reads the catalogue correctly.
   */
  mysqlType?: 'mysql' | 'mariadb';
}

export async function createTestDb(dialect: TestDialect, opts: TestDbOptions = {}): Promise<TestDb> {
  const name = `hg_test_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const seed = opts.seed !== false;
  // The schema test's own driver type reads the catalogue of a database its migrations built.
  const fresh = opts.mysqlType !== undefined || process.env.HG_TEST_FRESH_DB === '1';
  let ds: DataSource;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const file = path.join(os.tmpdir(), `${name}.sqlite`);
    if (!fresh) fs.copyFileSync(await sqliteTemplate(seed), file);
    ds = new DataSource(buildOptions({ SQLITE_PATH: file }));
    cleanup = async () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    };
  } else {
    const admin = await mysqlAdmin();
    if (fresh) await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    else await cloneMysql(admin, await mysqlTemplate(admin, seed), name);
    ds = new DataSource(buildOptions({ MYSQL_URL: mysqlUrl(name, opts.mysqlType) }));
    cleanup = async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    };
  }
  await ds.initialize();
  if (fresh) {
    await migrate(ds);
    if (seed) await seedDemo(ds);
  }
  setDataSource(ds);
  return {
    dialect,
    ds,
    async drop() {
      await closeDataSource();
      if (ds.isInitialized) await ds.destroy();
      await cleanup();
    },
  };
}

/*
 * Templates. Migrating and seeding took most of a test file's setup (on MariaDB ~10 s of DDL per
 * file, on a quiet machine), and every file needs the same result. So each dialect's migrated
 * database, with and without the demo city, is built once and every test database is a copy:
 * SQLite copies the file, MariaDB/MySQL creates each table from the template's own
 * `SHOW CREATE TABLE` (indexes, foreign keys, AUTO_INCREMENT) and copies its rows. A copy is
 * still one database per test file, so files never see each other's rows.
 *
 * A template belongs to one test run (`HG_TEST_RUN`, set by the first file that loads this module;
 * `--runInBand` shares the process) and is named after the content of the sources that shape it
 * (cloud/src and types, tests aside), so an edit mid-run builds a new one. Runs never share a
 * template: the demo seed stamps rows with "now", and a run must not see another run's rows.
 * Within a run, files that start at once build it once (an atomic rename for SQLite, a named lock
 * on the server); templates of earlier runs are removed once they are 30 minutes old.
 * HG_TEST_FRESH_DB=1 migrates and seeds every database as before. test/integration/test-db.test.ts
 * holds a copy equal to a freshly built database.
 */
const TEMPLATE_DIR = path.join(os.tmpdir(), 'hg-test-templates');
/** Templates of other runs (or sources) older than this are removed when a new one is built. */
const STALE_TEMPLATE_MS = 30 * 60_000;

/** This run's id: the first test file to load this module sets it (the process is shared by the run's files). */
const RUN_ID = (process.env.HG_TEST_RUN ??= `${Date.now().toString(36)}${crypto.randomBytes(2).toString('hex')}`);

/** `hg_tpl_<run>_<sources>_<s|m>`: seeded or only migrated. */
export function templateName(seed: boolean): string {
  const hash = crypto.createHash('sha256');
  const root = path.resolve(__dirname, '..');
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
      );
  for (const file of [...walk(path.join(root, 'cloud', 'src')), ...walk(path.join(root, 'types'))].sort()) {
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return `hg_tpl_${RUN_ID}_${hash.digest('hex').slice(0, 16)}_${seed ? 's' : 'm'}`;
}

async function buildTemplate(ds: DataSource, seed: boolean): Promise<void> {
  await ds.initialize();
  try {
    await migrate(ds);
    if (seed) await seedDemo(ds);
  } finally {
    await ds.destroy();
  }
}

/** The SQLite template file, built if missing. */
async function sqliteTemplate(seed: boolean): Promise<string> {
  const name = templateName(seed);
  const file = path.join(TEMPLATE_DIR, `${name}.sqlite`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(TEMPLATE_DIR, { recursive: true });
  const building = `${file}.${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  try {
    await buildTemplate(new DataSource(buildOptions({ SQLITE_PATH: building })), seed);
    // Closing the last connection checkpoints the WAL into the file; the rename publishes it whole.
    fs.renameSync(building, file);
  } finally {
    for (const f of [building, `${building}-wal`, `${building}-shm`]) fs.rmSync(f, { force: true });
  }
  const now = Date.now();
  for (const f of fs.readdirSync(TEMPLATE_DIR)) {
    const p = path.join(TEMPLATE_DIR, f);
    if (!f.startsWith('hg_tpl_') || f.startsWith(name.slice(0, -2))) continue;
    if (now - fs.statSync(p).mtimeMs > STALE_TEMPLATE_MS) fs.rmSync(p, { force: true });
  }
  return file;
}

function mysqlUrl(database: string, type?: 'mysql' | 'mariadb'): string {
  const url = new URL(process.env.MYSQL_URL!);
  url.pathname = `/${database}`;
  if (type) url.protocol = `${type}:`;
  return url.toString();
}

function mysqlAdmin(): Promise<mysql.Connection> {
  const server = new URL(process.env.MYSQL_URL!);
  return mysql.createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username),
    password: decodeURIComponent(server.password),
    multipleStatements: true,
  });
}

async function tablesOf(admin: mysql.Connection, database: string): Promise<string[]> {
  const [rows] = await admin.query(
    "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
    [database],
  );
  return (rows as { t: string }[]).map((r) => r.t);
}

/** The server's template database, built if missing (under a server-wide lock: runs may overlap). */
async function mysqlTemplate(admin: mysql.Connection, seed: boolean): Promise<string> {
  const name = templateName(seed);
  if ((await tablesOf(admin, name)).length > 0) return name;
  await admin.query('SELECT GET_LOCK(?, 600)', [name]);
  try {
    if ((await tablesOf(admin, name)).length > 0) return name;
    const building = `${name}_b`;
    await admin.query(`DROP DATABASE IF EXISTS \`${building}\`; CREATE DATABASE \`${building}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await buildTemplate(new DataSource(buildOptions({ MYSQL_URL: mysqlUrl(building) })), seed);
    // One RENAME TABLE moves every table at once: the template has all its tables or none.
    const tables = await tablesOf(admin, building);
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.query(`RENAME TABLE ${tables.map((t) => `\`${building}\`.\`${t}\` TO \`${name}\`.\`${t}\``).join(', ')}`);
    await admin.query(`DROP DATABASE \`${building}\``);
  } finally {
    await admin.query('SELECT RELEASE_LOCK(?)', [name]);
  }
  const [stale] = await admin.query(
    `SELECT TABLE_SCHEMA AS db FROM information_schema.TABLES WHERE TABLE_SCHEMA LIKE 'hg\\_tpl\\_%' AND TABLE_SCHEMA NOT LIKE ?
     GROUP BY TABLE_SCHEMA HAVING MAX(CREATE_TIME) < NOW() - INTERVAL ? SECOND`,
    [`${name.slice(0, -2)}%`, STALE_TEMPLATE_MS / 1000],
  );
  for (const { db } of stale as { db: string }[]) await admin.query(`DROP DATABASE IF EXISTS \`${db}\``);
  return name;
}

/** A new database with the template's tables (as SHOW CREATE TABLE gives them) and rows. */
async function cloneMysql(admin: mysql.Connection, template: string, name: string): Promise<void> {
  const tables = await tablesOf(admin, template);
  const [shown] = await admin.query(tables.map((t) => `SHOW CREATE TABLE \`${template}\`.\`${t}\``).join('; '));
  const creates = (tables.length === 1 ? [shown] : (shown as unknown[])).map((r) => (r as { 'Create Table': string }[])[0]['Create Table']);
  await admin.query(
    [
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      `USE \`${name}\``,
      'SET FOREIGN_KEY_CHECKS = 0',
      ...creates,
      ...tables.map((t) => `INSERT INTO \`${name}\`.\`${t}\` SELECT * FROM \`${template}\`.\`${t}\``),
      'SET FOREIGN_KEY_CHECKS = 1',
    ].join(';\n'),
  );
}

/** Row count of a table: the "nothing was written" check of bad-input tests. */
export async function countRows(ds: DataSource, table: string): Promise<number> {
  const [row] = await ds.query(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row.n);
}

export async function snapshotCounts(ds: DataSource, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = await countRows(ds, t);
  return out;
}

/** Table name of each entity the kernel is configured with (cloud/src/app.ts), in that order. */
export function entityTables(): string[] {
  const tables = getMetadataArgsStorage().tables;
  return kernel().entities.map((entity) => {
    const table = tables.find((t) => t.target === entity);
    if (!table?.name) throw new Error(`entity ${(entity as { name?: string }).name} has no @Entity('<table>') name`);
    return table.name;
  });
}

/**
 * Entity tables a refused call may legitimately write to, so "nothing was written" checks leave
 * them out: `usage_counters` holds one lock row per person and limited action, created before
 * the limited transaction and never deleted (cloud/src/modules/identity/usage.ts, ensureCounter),
 * so a first call that is then refused leaves a row with n = 0 behind.
 */
export const UNCOUNTED_TABLES: readonly string[] = ['usage_counters'];

/**
 * Every table the entities map (the migrations' own `migrations` table aside) minus
 * UNCOUNTED_TABLES, derived from the entity metadata so a new entity is counted without editing
 * this file. The schema test checks ALL_TABLES + UNCOUNTED_TABLES against the DataSource's
 * metadata and the migrated database.
 */
export const ALL_TABLES: string[] = entityTables().filter((t) => !UNCOUNTED_TABLES.includes(t));
