import type { DataSource } from 'typeorm';
import { createTestDb, DIALECTS, templateName, type TestDb } from '../db';

jest.setTimeout(180_000);

/**
 * Test databases are copies of a template migrated and seeded once per run (test/db.ts). A copy
 * must be what migrating and seeding would have built: the same tables, columns, indexes, keys
 * and auto-increment counters, the same rows (the seed's "now" aside), with the seed or without.
 */

async function tables(ds: DataSource): Promise<string[]> {
  const rows: { t: string }[] =
    ds.options.type === 'better-sqlite3'
      ? await ds.query("SELECT name AS t FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      : await ds.query(
          "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
        );
  return rows.map((r) => r.t);
}

/** Every table's and index's definition as the database states it. */
async function schema(ds: DataSource): Promise<string[]> {
  if (ds.options.type === 'better-sqlite3') {
    const rows: { sql: string | null; name: string }[] = await ds.query(
      "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
    );
    return rows.map((r) => `${r.name}: ${r.sql}`);
  }
  const out: string[] = [];
  for (const t of await tables(ds)) {
    const [row] = await ds.query(`SHOW CREATE TABLE \`${t}\``);
    out.push(row['Create Table']);
  }
  return out;
}

const STAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}/;

/** Every row of every table in key order, with timestamps (the seed's "now") replaced by a mark. */
async function contents(ds: DataSource): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of await tables(ds)) {
    const rows: Record<string, unknown>[] = await ds.query(`SELECT * FROM ${ds.driver.escape(t)}`);
    out[t] = rows
      .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date || (typeof v === 'string' && STAMP.test(v)) ? '<time>' : v])))
      .map((r) => JSON.stringify(r))
      .sort();
  }
  return out;
}

describe.each(DIALECTS)('test databases on %s', (dialect) => {
  const dbs: TestDb[] = [];
  const open = async (opts: { seed?: boolean; fresh?: boolean }) => {
    const before = process.env.HG_TEST_FRESH_DB;
    if (opts.fresh) process.env.HG_TEST_FRESH_DB = '1';
    try {
      const db = await createTestDb(dialect, { seed: opts.seed });
      dbs.push(db);
      return db;
    } finally {
      if (before === undefined) delete process.env.HG_TEST_FRESH_DB;
      else process.env.HG_TEST_FRESH_DB = before;
    }
  };
  afterAll(async () => {
    for (const db of dbs.reverse()) await db.drop();
  });

  let fresh: TestDb;
  beforeAll(async () => {
    fresh = await open({ fresh: true });
  });

  it('a seeded copy of the template is the database migrating and seeding builds', async () => {
    const copy = await open({});
    expect(await schema(copy.ds)).toEqual(await schema(fresh.ds));
    const want = await contents(fresh.ds);
    expect(Object.values(want).reduce((n, rows) => n + rows.length, 0)).toBeGreaterThan(100);
    expect(await contents(copy.ds)).toEqual(want);
  });

  it('an unseeded copy is the database migrating builds', async () => {
    const migrated = await open({ fresh: true, seed: false });
    const copy = await open({ seed: false });
    expect(await schema(copy.ds)).toEqual(await schema(migrated.ds));
    expect(await contents(copy.ds)).toEqual(await contents(migrated.ds));
  });

  it('copies are separate databases: a row written in one is not in another', async () => {
    const [a, b] = [await open({}), await open({})];
    const before = await b.ds.query('SELECT COUNT(*) AS n FROM streets');
    await a.ds.query("INSERT INTO streets (name, city) VALUES ('测试街道', '阆中市')");
    expect(await b.ds.query('SELECT COUNT(*) AS n FROM streets')).toEqual(before);
  });

  it('the template is named after this run and the sources, seeded or not', () => {
    expect(templateName(true)).toMatch(/^hg_tpl_[0-9a-z]+_[0-9a-f]{16}_s$/);
    expect(templateName(true)).toContain(`_${process.env.HG_TEST_RUN}_`);
    expect(templateName(false)).toBe(templateName(true).replace(/_s$/, '_m'));
  });
});
