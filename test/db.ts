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
 * set; each run creates its own database on that server and drops it afterwards, so runs never
 * see each other's rows.
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
  let ds: DataSource;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const file = path.join(os.tmpdir(), `${name}.sqlite`);
    ds = new DataSource(buildOptions({ SQLITE_PATH: file }));
    cleanup = async () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    };
  } else {
    const server = new URL(process.env.MYSQL_URL!);
    const admin = await mysql.createConnection({
      host: server.hostname,
      port: Number(server.port || 3306),
      user: decodeURIComponent(server.username),
      password: decodeURIComponent(server.password),
    });
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const url = new URL(process.env.MYSQL_URL!);
    url.pathname = `/${name}`;
    if (opts.mysqlType) url.protocol = `${opts.mysqlType}:`;
    ds = new DataSource(buildOptions({ MYSQL_URL: url.toString() }));
    cleanup = async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    };
  }
  await ds.initialize();
  await migrate(ds);
  if (opts.seed !== false) await seedDemo(ds);
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
