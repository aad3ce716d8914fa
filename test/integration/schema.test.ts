import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';

import { ALL_TABLES, createTestDb, DIALECTS, entityTables, UNCOUNTED_TABLES, type TestDb } from '../db';
import { as, buildNeed, buildResident, call, ok } from '../factories';

/** The part of TypeORM's ColumnMetadata the equivalences read (the class is not exported). */
type ColumnLike = { type?: unknown; default?: unknown };

jest.setTimeout(180_000);

/**
 * The entities and the shipped migrations describe the same schema: after migrating a fresh
 * database, TypeORM's schema builder finds nothing to change (no table, column or index it would
 * create, alter or drop). Entities follow the migrations, never the reverse (migrations ship).
 *
 * Three differences TypeORM reports that are not differences in the database are neutralised below,
 * each scoped to exactly one comparison inside TypeORM and restored right after (the allow-list):
 *
 * 1. SQLite, `int` vs `integer`. AbstractSqliteDriver.normalizeType turns an entity column's
 *    declared type 'int' into 'integer', while QueryRunner.createTable (the migrations' `col.int`)
 *    writes the declared 'int' verbatim and loadTables reads 'int' back. In SQLite both are the
 *    same type (INTEGER affinity); only the rowid primary key needs the literal INTEGER, and there
 *    both sides say 'integer' (`col.id()`, `@PrimaryGeneratedColumn({ type: 'integer' })`). No
 *    entity option can say 'int' to this driver, and without the equivalence TypeORM would
 *    recreate every table that has an int column. The equivalence maps 'int' to 'int' for the
 *    comparison; any other type, length, nullability, default or index still counts.
 *
 *    SQLite, boolean defaults, same cause: the migrations' `col.bool(name, false)` is written as
 *    `DEFAULT (false)` and read back as 'false', while the entity's `default: false` normalises
 *    to '0'. SQLite (≥ 3.23) parses FALSE/TRUE as 0/1, so the stored default is the same; an
 *    entity `default: () => 'false'` would match here but then differ on MySQL (which reports 0).
 *    The equivalence accepts 'false'/'true' for a boolean default false/true and nothing else.
 *
 * 2. TypeORM type 'mysql' against a MariaDB server (MYSQL_URL=mysql://… on the MariaDB the tests
 *    use). MariaDB ≥ 10.2.7 reports a nullable column without a default as COLUMN_DEFAULT = 'NULL'
 *    (a literal); MysqlQueryRunner.loadTables reads that as "no default" only when the driver
 *    type is 'mariadb', so under 'mysql' every nullable column looks changed (`ALTER TABLE …
 *    CHANGE x x int NULL`, and the indexes on it dropped and recreated). On MariaDB the test
 *    therefore also migrates a database with the driver type 'mariadb' (RECIPES: Database) and
 *    requires an empty diff there with no equivalence at all; under 'mysql' it treats the literal
 *    'NULL' default as no default. On a real MySQL server neither applies.
 */
async function schemaDiff(ds: DataSource, opts: { quirks: boolean }): Promise<string[]> {
  const driver = ds.driver as unknown as {
    normalizeType(column: ColumnLike): string;
    compareDefaultValues?(entityValue?: string, dbValue?: string): boolean;
    defaultEqual?(column: ColumnLike, tableColumn: { default?: string }): boolean;
  };
  const normalizeType = driver.normalizeType;
  const compareDefaultValues = driver.compareDefaultValues;
  const defaultEqual = driver.defaultEqual;
  if (opts.quirks && ds.options.type === 'better-sqlite3') {
    driver.normalizeType = (column) => (column.type === 'int' ? 'int' : normalizeType.call(driver, column));
    driver.defaultEqual = (column, tableColumn) =>
      (typeof column.default === 'boolean' && tableColumn.default === String(column.default)) || defaultEqual!.call(driver, column, tableColumn);
  }
  if (opts.quirks && ds.options.type === 'mysql' && compareDefaultValues && (await isMariaDb(ds))) {
    driver.compareDefaultValues = (entityValue, dbValue) =>
      (entityValue === undefined && dbValue === "'NULL'") || compareDefaultValues.call(driver, entityValue, dbValue);
  }
  try {
    const log = await ds.driver.createSchemaBuilder().log();
    return log.upQueries.map((q) => q.query);
  } finally {
    driver.normalizeType = normalizeType;
    if (compareDefaultValues) driver.compareDefaultValues = compareDefaultValues;
    if (defaultEqual) driver.defaultEqual = defaultEqual;
  }
}

async function isMariaDb(ds: DataSource): Promise<boolean> {
  if (ds.options.type === 'better-sqlite3') return false;
  const [row] = await ds.query('SELECT VERSION() AS v');
  return /mariadb/i.test(String(row.v));
}

/** Tables in the migrated database, TypeORM's and SQLite's bookkeeping aside. */
async function databaseTables(ds: DataSource): Promise<string[]> {
  const migrationsTable = (ds.options as { migrationsTableName?: string }).migrationsTableName ?? 'migrations';
  const rows: { name: string }[] =
    ds.options.type === 'better-sqlite3'
      ? await ds.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      : await ds.query('SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()');
  return rows.map((r) => r.name).filter((n) => n !== migrationsTable);
}

/** Index names in the migrated database (primary keys and SQLite's automatic indexes aside). */
async function databaseIndexes(ds: DataSource): Promise<string[]> {
  const rows: { name: string }[] =
    ds.options.type === 'better-sqlite3'
      ? await ds.query("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")
      : await ds.query("SELECT DISTINCT INDEX_NAME AS name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME <> 'PRIMARY'");
  return rows.map((r) => r.name);
}

const sorted = (xs: readonly string[]) => [...xs].sort();

describe.each(DIALECTS)('schema on %s', (dialect) => {
  let db: TestDb;

  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(() => db.drop());

  it('entities and migrations agree: the schema diff is empty', async () => {
    expect(await schemaDiff(db.ds, { quirks: true })).toEqual([]);
  });

  it('every index the migrations create is declared by an entity under the same name, and no other', async () => {
    const declared = db.ds.entityMetadatas.flatMap((m) => m.indices.map((i) => i.name));
    expect(sorted(await databaseIndexes(db.ds))).toEqual(sorted(declared));
  });

  it('ALL_TABLES (+ UNCOUNTED_TABLES) is the entity metadata’s tables, which are exactly the migrated tables', async () => {
    const metadataTables = db.ds.entityMetadatas.map((m) => m.tableName);
    expect(sorted(entityTables())).toEqual(sorted(metadataTables));
    expect(sorted([...ALL_TABLES, ...UNCOUNTED_TABLES])).toEqual(sorted(metadataTables));
    expect(ALL_TABLES.filter((t) => UNCOUNTED_TABLES.includes(t))).toEqual([]);
    expect(new Set(metadataTables).size).toBe(metadataTables.length);
    expect(sorted(await databaseTables(db.ds))).toEqual(sorted(metadataTables));
  });

  it('buildResident binds a fresh room through households.bind and the building head verifies it', async () => {
    const r = await buildResident(db.ds);
    const me = ok(await call('me', 'get', {}, r.openid));
    expect(me.id).toBe(r.userId);
    expect(me.verifiedResident).toBe(true);
    expect(me.memberships).toEqual([expect.objectContaining({ id: r.membershipId, householdId: r.householdId, status: 'verified' })]);
    const events = await db.ds.query("SELECT from_status AS fromStatus, to_status AS toStatus FROM subject_events WHERE subject_kind = 'membership' AND subject_id = ? ORDER BY id", [r.membershipId]);
    expect(events).toEqual([
      { fromStatus: null, toStatus: 'pending' },
      { fromStatus: 'pending', toStatus: 'verified' },
    ]);

    const pending = await buildResident(db.ds, { verifier: null, building: '2栋', relation: 'tenant' });
    const theirs = ok(await call('me', 'get', {}, pending.openid));
    expect(theirs.memberships).toEqual([
      expect.objectContaining({ id: pending.membershipId, status: 'pending', relation: 'tenant', building: expect.objectContaining({ name: '2栋' }) }),
    ]);
  });

  it('buildNeed files through needs.create, by a fresh resident or by the given one', async () => {
    const need = await buildNeed(db.ds, { category: 'pipe', description: '厨房下水道堵了' });
    expect(need).toMatchObject({ status: 'submitted', description: '厨房下水道堵了', channel: 'self' });

    const r = await buildResident(db.ds);
    const mine = await buildNeed(db.ds, { by: r, location: '楼道' });
    expect(mine).toMatchObject({ location: '楼道' });
    const [row] = await db.ds.query('SELECT householdId, reporterId, createdById FROM needs WHERE id = ?', [mine.id]);
    expect({ householdId: Number(row.householdId), reporterId: Number(row.reporterId), createdById: Number(row.createdById) }).toEqual({
      householdId: r.householdId,
      reporterId: r.userId,
      createdById: r.userId,
    });

    // A proxy filing by the community's grid worker for that household.
    const proxy = await buildNeed(db.ds, {
      category: 'elderly',
      by: { openid: as('grid_worker'), householdId: r.householdId },
      contactName: '测试居民',
      contactPhone: '10000001111',
    });
    expect(proxy.channel).not.toBe('self');
  });

  it('refuses to build into a DataSource the actions do not use', async () => {
    const other = { ...db.ds } as DataSource;
    await expect(buildResident(other)).rejects.toThrow(/another DataSource/);
  });
});

// On MariaDB, the driver type made for it reads the catalogue as it is: no equivalence needed.
if (DIALECTS.includes('mysql')) {
  describe('schema on MariaDB with the driver type mariadb', () => {
    let db: TestDb | null = null;

    beforeAll(async () => {
      const server = await mysql.createConnection(process.env.MYSQL_URL!.replace(/^mariadb:/, 'mysql:'));
      const [rows] = await server.query('SELECT VERSION() AS v');
      await server.end();
      // A real MySQL server: the run above, with the driver type 'mysql', needs no equivalence.
      if (/mariadb/i.test(String((rows as { v: string }[])[0].v))) db = await createTestDb('mysql', { seed: false, mysqlType: 'mariadb' });
    });
    afterAll(() => db?.drop());

    it('has an empty schema diff without any allow-listed equivalence', async () => {
      if (!db) return;
      expect(db.ds.options.type).toBe('mariadb');
      expect(await schemaDiff(db.ds, { quirks: false })).toEqual([]);
    });
  });
}
