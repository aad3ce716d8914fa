/**
 * Closing a ratings period at city scale (issue #8): 500 property firms serving 1,000 compounds,
 * 200,000 household ratings, 2,000 assessor scores and a few thousand needs in the period, on a
 * fresh migrated database (demo city seeded as the base), then
 *   - `closePeriod(ctx, period, now)` through the real code (compare-and-set open → closed,
 *     `computeResults`, firm_results written, one transaction), a few runs, the period reset to
 *     open and its firm_results deleted between runs; next to it, in the same run and interleaved,
 *     the same computation written by hand: raw GROUP BY queries (ratings per firm and compound
 *     type, the city mean, assessors per firm, needs per firm and compound type), the arithmetic in
 *     JS, and the same writes (conditional UPDATE, DELETE, one multi-row INSERT) in one transaction;
 *     both leave the same firm_results rows, which is checked;
 *   - the firm card: the period published, `ratings.firmCard` through `runAction` (validation,
 *     actor, the reads, presenter) as the demo resident for random firms, next to the same reads in
 *     raw SQL building the same DTO (checked equal for a few firms first), interleaved.
 * MariaDB/MySQL when MYSQL_URL is set (its own `hg_bench_ratings_<random>` database, dropped
 * afterwards), then SQLite (a temp file) for the record.
 *
 * `tsx bench/ratings-close.ts [--quick]` runs it alone and rewrites only its section of
 * docs/benchmarks.md; `npm run bench` runs it last (`--skip-ratings` leaves it out).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { DataSource } from 'typeorm';
import {
  addDays,
  composite as weighted,
  localDay,
  localTime,
  needsServiceScore,
  RATING_RULES,
  shrink,
  starsOf,
  type CompoundType,
  type Criterion,
  type Weights,
} from '@hg/types';
import { runAction } from '../cloud/src/core/action';
import { buildOptions, closeDataSource, migrate, runInTransaction, setDataSource } from '../cloud/src/core/data-source';
import { localPlatform } from '../cloud/src/core/platform';
import { ratingActions } from '../cloud/src/modules/ratings';
import { computeResults } from '../cloud/src/modules/ratings/compute';
import { RatingPeriod } from '../cloud/src/modules/ratings/entities';
import { closePeriod, currentWeights } from '../cloud/src/modules/ratings/periods';
import { demoOpenid } from '../cloud/src/seed/demo-data';
import { seedDemo } from '../cloud/src/seed/seed';
import { ROOT, tempMysql, tempSqlite, type TempDatabase } from '../scripts/lib/cloud-harness';
import { describeMachine, type Machine } from './machine';
import { median, percentile } from './stats';

/** Issue #8 (MariaDB): closing the period ≤ 1 s; the firm card p95 ≤ 10 ms. */
export const CLOSE_TARGET_MS = 1000;
export const CARD_P95_TARGET_MS = 10;
const COMPOUNDS_PER_FIRM = 2;
const ASSESSORS_PER_FIRM = 4;
const TYPES: CompoundType[] = ['commercial', 'old', 'resettlement'];
const DIMS = ['environment', 'security', 'repairs', 'attitude'] as const;
const READER = demoOpenid('resident');
const ADMIN = demoOpenid('admin');
const DAY = 24 * 3600 * 1000;

interface Size {
  firms: number;
  ratings: number;
  needs: number;
  closeRuns: number;
  cardReads: number;
}
export const FULL: Size = { firms: 500, ratings: 200_000, needs: 5_000, closeRuns: 5, cardReads: 500 };
const QUICK: Size = { firms: 500, ratings: 200_000, needs: 5_000, closeRuns: 2, cardReads: 150 };

export interface CloseRow {
  variant: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  all: number[];
}
export interface CardRow {
  variant: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}
export interface RatingsDbResult {
  label: string;
  server: string;
  size: Size & { scores: number; compounds: number; firmsTotal: number; results: number };
  loadSeconds: number;
  close: CloseRow[];
  /** Where the real close's time goes: computeResults alone (reads + JS) and the statements it makes. */
  phases: {
    computeMedianMs: number;
    closeStatements: number;
    rawReadsMs: number;
    rawRatingReadsMs: number;
    rawJsMs: number;
    rawWritesMs: number;
    cardStatements: number;
  };
  closeEqual: { equal: boolean; diff?: string };
  card: CardRow[];
  cardEqual: { equal: boolean; diff?: string };
}
export interface RatingsResult {
  machine: Machine;
  loadAfter: number;
  quick: boolean;
  dbs: RatingsDbResult[];
}

// ---- a raw handle on the same database (mysql2 connection / second better-sqlite3 handle) ----

interface Raw {
  kind: 'mysql' | 'sqlite';
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Returns the affected rows. */
  run(sql: string, params?: unknown[]): Promise<number>;
  /** A datetime parameter as the driver wants it (Date for mysql2 with timezone Z, UTC text for SQLite). */
  time(d: Date): Date | string;
  /** A datetime read back, as an ISO string. */
  iso(v: Date | string): string;
  end(): Promise<void>;
}

export async function mysqlRaw(url: string): Promise<Raw> {
  const c = await mysql.createConnection({ uri: url.replace(/^mariadb:/, 'mysql:'), timezone: 'Z', supportBigNumbers: true });
  return {
    kind: 'mysql',
    all: async <T>(sql: string, params: unknown[] = []) => (await c.query(sql, params))[0] as T[],
    run: async (sql, params = []) => Number(((await c.query(sql, params))[0] as { affectedRows?: number }).affectedRows ?? 0),
    time: (d) => d,
    iso: (v) => (v instanceof Date ? v : new Date(v)).toISOString(),
    end: () => c.end(),
  };
}

/** The few better-sqlite3 calls used here (the project has no @types/better-sqlite3). */
interface SqliteStmt {
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number };
}
interface SqliteDb {
  pragma(s: string): unknown;
  prepare(sql: string): SqliteStmt;
  close(): void;
}
const Database = require('better-sqlite3') as new (file: string) => SqliteDb;

function sqliteRaw(file: string): Raw {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  const cache = new Map<string, SqliteStmt>();
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      if (cache.size < 500) cache.set(sql, s);
    }
    return s;
  };
  return {
    kind: 'sqlite',
    all: async <T>(sql: string, params: unknown[] = []) => stmt(sql).all(...params) as T[],
    run: async (sql, params = []) => stmt(sql).run(...params).changes,
    time: (d) => d.toISOString().replace('T', ' ').replace('Z', ''),
    iso: (v) => (v instanceof Date ? v.toISOString() : `${String(v).replace(' ', 'T')}Z`),
    end: async () => void db.close(),
  };
}

const marks = (n: number) => `(${Array.from({ length: n }, () => '?').join(', ')})`;

async function insertMany(raw: Raw, table: string, columns: string[], rows: unknown[][], batch = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    await raw.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => marks(columns.length)).join(', ')}`, chunk.flat());
  }
}

/** A small seeded PRNG, so every run loads the same city. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- the city and the period ----

interface Loaded {
  periodId: number;
  firmIds: number[];
  compounds: number;
  scores: number;
  from: Date;
  to: Date;
  adminId: number;
}

export async function load(raw: Raw, ds: DataSource, size: Size): Promise<Loaded> {
  const rnd = mulberry32(8);
  const [admin] = await raw.all<{ id: number }>('SELECT id FROM users WHERE openid = ?', [ADMIN]);
  const [reporter] = await raw.all<{ id: number }>('SELECT id FROM users WHERE openid = ?', [READER]);
  const communities = await raw.all<{ id: number; streetId: number }>('SELECT id, streetId FROM communities ORDER BY id');
  const [category] = await raw.all<{ id: number; list: string }>("SELECT id, list FROM need_categories WHERE code = 'property'");
  const now = new Date();
  const t = raw.time(now);
  if (raw.kind === 'sqlite') await raw.run('BEGIN');

  // 500 property firms, two compounds each (one type for even firms, two types for odd ones).
  await insertMany(
    raw,
    'organisations',
    ['name', 'kind', 'communityId', 'hotline'],
    Array.from({ length: size.firms }, (_, i) => [`压测物业${i + 1}`, 'property_firm', null, `0283${String(1000000 + i).slice(1)}`]),
  );
  const firms = await raw.all<{ id: number }>("SELECT id FROM organisations WHERE name LIKE '压测物业%' ORDER BY id");
  await insertMany(
    raw,
    'compounds',
    ['communityId', 'streetId', 'name', 'type', 'address', 'code', 'propertyOrgId'],
    firms.flatMap((f, i) =>
      Array.from({ length: COMPOUNDS_PER_FIRM }, (_, k) => {
        const m = communities[(i * COMPOUNDS_PER_FIRM + k) % communities.length];
        return [m.id, m.streetId, `压测小区${i + 1}-${k + 1}`, TYPES[(i + k * (i % 2)) % TYPES.length], '', `R${i}C${k}`, f.id];
      }),
    ),
  );
  const compounds = await raw.all<{ id: number; communityId: number; streetId: number; type: CompoundType; propertyOrgId: number }>(
    "SELECT id, communityId, streetId, type, propertyOrgId FROM compounds WHERE code LIKE 'R%C%' ORDER BY id",
  );

  // The open period, covering the last 91 days (Beijing time), weights frozen as openPeriod does.
  const startsOn = localDay(new Date(now.getTime() - 91 * DAY));
  const endsOn = localDay(new Date(now.getTime() - DAY));
  const weights = JSON.stringify(await currentWeights(ds.manager));
  await raw.run('INSERT INTO rating_periods (code, startsOn, endsOn, status, weights, createdById, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    '2026-Q3',
    startsOn,
    endsOn,
    'open',
    weights,
    admin.id,
    t,
    t,
  ]);
  const [period] = await raw.all<{ id: number }>("SELECT id FROM rating_periods WHERE code = '2026-Q3'");
  const from = localTime(startsOn, '00:00');
  const to = localTime(addDays(endsOn, 1), '00:00');
  const inPeriod = () => new Date(from.getTime() + Math.floor(rnd() * (to.getTime() - from.getTime() - 3 * DAY)));

  // 200,000 household ratings; the last 10 compounds get none (firms without a sample).
  const rated = compounds.slice(0, Math.max(1, compounds.length - 10));
  const quality = new Map(firms.map((f) => [f.id, 1 + Math.floor(rnd() * 4)]));
  const ratingColumns = [
    'periodId',
    'householdId',
    'firmId',
    'compoundId',
    'communityId',
    'streetId',
    'compoundType',
    'userId',
    'scores',
    'satisfaction',
    'comment',
    'commentStatus',
    'reports',
    'createdAt',
    'updatedAt',
  ];
  const step = 5000;
  for (let i = 0; i < size.ratings; i += step) {
    const rows: unknown[][] = [];
    for (let h = i; h < Math.min(size.ratings, i + step); h++) {
      const c = rated[h % rated.length];
      const q = quality.get(c.propertyOrgId)!;
      const scores = Object.fromEntries(DIMS.map((d) => [d, Math.min(5, Math.max(1, q + Math.floor(rnd() * 3) - (rnd() < 0.3 ? 1 : 0)))]));
      const sum = DIMS.reduce((s, d) => s + (scores[d] as number), 0);
      const at = raw.time(inPeriod());
      rows.push([
        period.id,
        1_000_000 + h,
        c.propertyOrgId,
        c.id,
        c.communityId,
        c.streetId,
        c.type,
        2_000_000 + h,
        JSON.stringify(scores),
        sum * 5,
        h % 8 === 0 ? `压测评价 #${h}：总体${sum >= 12 ? '满意' : '一般'}` : '',
        h % 97 === 0 ? 'hidden' : 'visible',
        0,
        at,
        at,
      ]);
    }
    await insertMany(raw, 'household_ratings', ratingColumns, rows);
    if ((i / step) % 8 === 0) process.stdout.write(`  ratings loaded: ${i.toLocaleString('en-US')}\r`);
  }
  process.stdout.write('\n');

  // 4 assessors per firm: 2,000 scores.
  await insertMany(
    raw,
    'assessor_scores',
    ['periodId', 'firmId', 'assessorId', 'organisation', 'team', 'service', 'note', 'photoIds', 'createdAt', 'updatedAt'],
    firms.flatMap((f) =>
      Array.from({ length: ASSESSORS_PER_FIRM }, (_, a) => [
        period.id,
        f.id,
        3_000_000 + a,
        50 + Math.floor(rnd() * 50),
        50 + Math.floor(rnd() * 50),
        50 + Math.floor(rnd() * 50),
        '',
        '[]',
        t,
        t,
      ]),
    ),
  );

  // Needs handled by the firms in their compounds, created in the period: every NOT NULL column filled.
  const statuses = ['closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'resolved', 'resolved', 'in_progress', 'accepted'];
  await insertMany(
    raw,
    'needs',
    [
      'categoryId',
      'list',
      'streetId',
      'communityId',
      'compoundId',
      'buildingId',
      'unitId',
      'householdId',
      'reporterId',
      'createdById',
      'channel',
      'description',
      'location',
      'contactName',
      'contactPhone',
      'status',
      'level',
      'receiverOrgId',
      'acceptDueAt',
      'resolveDueAt',
      'firstResponseAt',
      'resolvedAt',
      'closedAt',
      'rating',
      'reopenCount',
      'urgeCount',
      'urgesSinceEscalation',
      'leftBuilding',
      'createdAt',
      'updatedAt',
    ],
    Array.from({ length: size.needs }, (_, i) => {
      const c = compounds[i % compounds.length];
      const status = statuses[Math.floor(rnd() * statuses.length)];
      const created = inPeriod();
      const solved = status === 'resolved' || status === 'closed';
      const h = (x: number) => raw.time(new Date(created.getTime() + x * 3600_000));
      return [
        category.id,
        category.list,
        c.streetId,
        c.communityId,
        c.id,
        0,
        0,
        1_000_000 + i,
        reporter.id,
        reporter.id,
        'self',
        `压测需求 #${i}`,
        '',
        '压测居民',
        '10000000000',
        status,
        'compound',
        c.propertyOrgId,
        h(4),
        h(48),
        h(1),
        solved ? h(rnd() < 0.2 ? 72 : 20) : null,
        status === 'closed' ? h(80) : null,
        status === 'closed' && rnd() < 0.6 ? 1 + Math.floor(rnd() * 5) : null,
        rnd() < 0.06 ? 1 : 0,
        0,
        0,
        0,
        raw.time(created),
        raw.time(created),
      ];
    }),
  );
  if (raw.kind === 'sqlite') await raw.run('COMMIT');
  if (raw.kind === 'mysql')
    for (const tb of ['household_ratings', 'assessor_scores', 'needs', 'compounds', 'organisations']) await raw.all(`ANALYZE TABLE ${tb}`);
  else await raw.run('ANALYZE');
  return {
    periodId: period.id,
    firmIds: firms.map((f) => f.id),
    compounds: compounds.length,
    scores: firms.length * ASSESSORS_PER_FIRM,
    from,
    to,
    adminId: admin.id,
  };
}

// ---- the close, by hand ----

interface RawResult {
  firmId: number;
  compoundType: CompoundType;
  sample: number;
  stars: number | null;
  composite: number | null;
  criteria: Record<Criterion, number | null>;
  satisfactionRaw: number | null;
  needs: { volume: number; solved: number; slaHitRate: number; reopenRate: number; averageRating: number | null };
}
const round1 = (x: number) => Math.round(x * 10) / 10;
interface RawPhases {
  reads: number;
  /** Of the reads: the two over household_ratings (grouped, and the city mean). */
  ratingReads: number;
  js: number;
  writes: number;
}

/** The same computation as computeResults, as five hand-written queries and a loop. */
async function rawClose(raw: Raw, periodId: number, at: Date, phases?: RawPhases): Promise<number> {
  const t0 = performance.now();
  const [period] = await raw.all<{ startsOn: string; endsOn: string; weights: string }>('SELECT startsOn, endsOn, weights FROM rating_periods WHERE id = ?', [
    periodId,
  ]);
  const from = localTime(period.startsOn, '00:00');
  const to = localTime(addDays(period.endsOn, 1), '00:00');
  const firms = await raw.all<{ id: number }>("SELECT id FROM organisations WHERE kind = 'property_firm' ORDER BY id");
  const compounds = await raw.all<{ id: number; type: CompoundType; propertyOrgId: number }>(
    'SELECT id, type, propertyOrgId FROM compounds WHERE propertyOrgId IS NOT NULL',
  );
  const tr = performance.now();
  const rated = await raw.all<{ firmId: number; compoundType: string; n: number | string; mean: number | string }>(
    'SELECT firmId, compoundType, COUNT(*) AS n, AVG(satisfaction) AS mean FROM household_ratings WHERE periodId = ? GROUP BY firmId, compoundType',
    [periodId],
  );
  const [city] = await raw.all<{ mean: number | string | null }>('SELECT AVG(satisfaction) AS mean FROM household_ratings WHERE periodId = ?', [periodId]);
  const ratingReads = performance.now() - tr;
  const assessed = await raw.all<{ firmId: number; organisation: number | string; team: number | string; service: number | string }>(
    'SELECT firmId, AVG(organisation) AS organisation, AVG(team) AS team, AVG(service) AS service FROM assessor_scores WHERE periodId = ? GROUP BY firmId',
    [periodId],
  );
  const needs = await raw.all<{
    firmId: number;
    type: string;
    volume: number | string;
    solved: number | string;
    onTime: number | string;
    reopened: number | string;
    ratedSum: number | string | null;
    ratedCount: number | string;
  }>(
    `SELECT n.receiverOrgId AS firmId, c.type AS type, COUNT(*) AS volume,
       SUM(CASE WHEN n.status IN ('resolved', 'closed') THEN 1 ELSE 0 END) AS solved,
       SUM(CASE WHEN n.status IN ('resolved', 'closed') AND n.resolveDueAt IS NOT NULL AND n.resolvedAt <= n.resolveDueAt THEN 1 ELSE 0 END) AS onTime,
       SUM(CASE WHEN n.reopenCount > 0 THEN 1 ELSE 0 END) AS reopened, SUM(n.rating) AS ratedSum, COUNT(n.rating) AS ratedCount
     FROM needs n JOIN compounds c ON c.id = n.compoundId AND c.propertyOrgId = n.receiverOrgId
     WHERE n.createdAt >= ? AND n.createdAt < ? GROUP BY n.receiverOrgId, c.type`,
    [raw.time(from), raw.time(to)],
  );
  const t1 = performance.now();

  const weights = JSON.parse(period.weights) as Record<CompoundType, Weights>;
  const cityMean = city?.mean === null || city?.mean === undefined ? 60 : Number(city.mean);
  const key = (f: number, type: string) => `${f}:${type}`;
  const ratedBy = new Map(rated.map((r) => [key(Number(r.firmId), r.compoundType), r]));
  const assessedBy = new Map(assessed.map((a) => [Number(a.firmId), a]));
  const needsBy = new Map(needs.map((n) => [key(Number(n.firmId), n.type), n]));
  const typesOf = new Map<number, Set<CompoundType>>();
  for (const c of compounds) typesOf.set(Number(c.propertyOrgId), (typesOf.get(Number(c.propertyOrgId)) ?? new Set()).add(c.type));
  const out: RawResult[] = [];
  for (const { id } of firms) {
    const firmId = Number(id);
    const a = assessedBy.get(firmId);
    for (const type of [...(typesOf.get(firmId) ?? [])].sort()) {
      const r = ratedBy.get(key(firmId, type));
      const n = r ? Number(r.n) : 0;
      const mean = r ? Number(r.mean) : null;
      const s = needsBy.get(key(firmId, type));
      const volume = s ? Number(s.volume) : 0;
      const solved = s ? Number(s.solved) : 0;
      const ratedCount = s ? Number(s.ratedCount) : 0;
      const stats = {
        volume,
        solved,
        slaHitRate: solved ? Number(s!.onTime) / solved : 0,
        reopenRate: volume ? Number(s!.reopened) / volume : 0,
        averageRating: ratedCount ? Number(s!.ratedSum) / ratedCount : null,
      };
      const needsScore = needsServiceScore(stats);
      const assessedService = a ? Number(a.service) : null;
      const share = RATING_RULES.needsShareOfService;
      const service = assessedService !== null && needsScore !== null ? share * needsScore + (1 - share) * assessedService : (assessedService ?? needsScore);
      const criteria: Record<Criterion, number | null> = {
        organisation: a ? Number(a.organisation) : null,
        team: a ? Number(a.team) : null,
        service,
        satisfaction: mean === null ? null : shrink(mean, n, cityMean),
      };
      const present = (Object.keys(criteria) as Criterion[]).filter((c) => criteria[c] !== null);
      const w = Object.fromEntries(present.map((c) => [c, weights[type][c]])) as Weights;
      const total = present.length ? weighted(criteria as Record<Criterion, number>, w) : null;
      out.push({
        firmId,
        compoundType: type,
        sample: n,
        stars: total !== null && n >= RATING_RULES.minSample ? starsOf(total) : null,
        composite: total === null ? null : round1(total),
        criteria: Object.fromEntries((Object.keys(criteria) as Criterion[]).map((c) => [c, criteria[c] === null ? null : round1(criteria[c]!)])) as Record<
          Criterion,
          number | null
        >,
        satisfactionRaw: mean === null ? null : round1(mean),
        needs: stats,
      });
    }
  }
  const t2 = performance.now();

  const t = raw.time(at);
  await raw.run('BEGIN');
  try {
    if ((await raw.run("UPDATE rating_periods SET status = 'closed', updatedAt = ? WHERE id = ? AND status = 'open'", [t, periodId])) !== 1)
      throw new Error('the period was not open');
    await raw.run('DELETE FROM firm_results WHERE periodId = ?', [periodId]);
    await insertMany(
      raw,
      'firm_results',
      ['periodId', 'firmId', 'compoundType', 'sample', 'starsX2', 'composite', 'criteria', 'satisfactionRaw', 'needs', 'createdAt'],
      out.map((r) => [
        periodId,
        r.firmId,
        r.compoundType,
        r.sample,
        r.stars === null ? null : r.stars * 2,
        r.composite === null ? null : Math.round(r.composite),
        JSON.stringify(r.criteria),
        r.satisfactionRaw === null ? null : Math.round(r.satisfactionRaw),
        JSON.stringify(r.needs),
        t,
      ]),
      2000,
    );
    await raw.run('COMMIT');
  } catch (err) {
    await raw.run('ROLLBACK');
    throw err;
  }
  const t3 = performance.now();
  if (phases) {
    phases.reads = t1 - t0;
    phases.ratingReads = ratingReads;
    phases.js = t2 - t1;
    phases.writes = t3 - t2;
  }
  return out.length;
}

/** What a close leaves behind, comparable across variants. */
async function snapshot(raw: Raw, periodId: number): Promise<string[]> {
  const rows = await raw.all<Record<string, unknown>>(
    'SELECT firmId, compoundType, sample, starsX2, composite, criteria, satisfactionRaw, needs FROM firm_results WHERE periodId = ? ORDER BY firmId, compoundType',
    [periodId],
  );
  return rows.map((r) =>
    JSON.stringify({
      ...Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v])),
      criteria: JSON.parse(String(r.criteria)),
      needs: JSON.parse(String(r.needs)),
    }),
  );
}

function firstDiff(a: string[], b: string[]): string | undefined {
  if (a.length !== b.length) return `${a.length} rows ≠ ${b.length} rows`;
  const i = a.findIndex((x, k) => x !== b[k]);
  return i < 0 ? undefined : `${a[i]} ≠ ${b[i]}`;
}

async function reopen(raw: Raw, periodId: number): Promise<void> {
  await raw.run("UPDATE rating_periods SET status = 'open' WHERE id = ?", [periodId]);
  await raw.run('DELETE FROM firm_results WHERE periodId = ?', [periodId]);
}

// ---- the firm card, by hand ----

interface CardResult {
  periodId: number;
  periodCode: string;
  compoundType: string;
  sample: number;
  stars: number | null;
  composite: number | null;
  criteria: unknown;
  satisfactionRaw: number | null;
  needs: unknown;
}

/** The firm card's reads as hand-written SQL (actor, firm, compounds, published periods, results, reply, comments, open period). */
async function rawCard(raw: Raw, firmId: number): Promise<unknown> {
  const [user] = await raw.all<{ id: number }>('SELECT id FROM users WHERE openid = ?', [READER]);
  await raw.all('SELECT role, scopeLevel, scopeId, organisationId FROM role_assignments WHERE userId = ?', [user.id]);
  const [firm] = await raw.all<{ id: number; name: string; hotline: string | null }>(
    "SELECT id, name, hotline FROM organisations WHERE id = ? AND kind = 'property_firm'",
    [firmId],
  );
  if (!firm) throw new Error(`no firm ${firmId}`);
  await raw.all('SELECT id, streetId, communityId FROM compounds WHERE propertyOrgId = ? ORDER BY id', [firmId]);
  const periods = await raw.all<{ id: number; code: string }>("SELECT id, code FROM rating_periods WHERE status = 'published' ORDER BY id DESC LIMIT 12");
  const results = periods.length
    ? await raw.all<Record<string, number | string | null>>(
        `SELECT periodId, compoundType, sample, starsX2, composite, criteria, satisfactionRaw, needs FROM firm_results WHERE firmId = ? AND periodId IN ${marks(periods.length)}`,
        [firmId, ...periods.map((p) => p.id)],
      )
    : [];
  const codeOf = new Map(periods.map((p) => [Number(p.id), p.code]));
  const history: CardResult[] = periods.flatMap((p) =>
    results
      .filter((r) => Number(r.periodId) === Number(p.id))
      .map((r) => ({
        periodId: Number(r.periodId),
        periodCode: codeOf.get(Number(r.periodId))!,
        compoundType: String(r.compoundType),
        sample: Number(r.sample),
        stars: r.starsX2 === null ? null : Number(r.starsX2) / 2,
        composite: r.composite === null ? null : Number(r.composite),
        criteria: JSON.parse(String(r.criteria)),
        satisfactionRaw: r.satisfactionRaw === null ? null : Number(r.satisfactionRaw),
        needs: JSON.parse(String(r.needs)),
      })),
  );
  const latest = periods[0];
  const [reply] = latest
    ? await raw.all<{ body: string; updatedAt: Date | string }>('SELECT body, updatedAt FROM firm_replies WHERE periodId = ? AND firmId = ?', [
        latest.id,
        firmId,
      ])
    : [];
  const comments = latest
    ? await raw.all<{ id: number; comment: string; scores: string; updatedAt: Date | string }>(
        "SELECT id, comment, scores, updatedAt FROM household_ratings WHERE periodId = ? AND firmId = ? AND commentStatus = 'visible' ORDER BY id DESC LIMIT 20",
        [latest.id, firmId],
      )
    : [];
  await raw.all("SELECT id FROM rating_periods WHERE status = 'open' ORDER BY id DESC LIMIT 1");
  return {
    firm: { id: Number(firm.id), name: firm.name, hotline: firm.hotline },
    results: history.filter((h) => latest && h.periodId === Number(latest.id)),
    history,
    reply: reply ? { periodCode: latest.code, body: reply.body, updatedAt: raw.iso(reply.updatedAt) } : null,
    preview: null,
    comments: comments
      .filter((c) => c.comment)
      .map((c) => ({ ratingId: Number(c.id), body: c.comment, scores: JSON.parse(c.scores) as unknown, at: raw.iso(c.updatedAt) })),
  };
}

/** Result lists in a fixed order (neither side orders firm_results rows within a period). */
function normaliseCard(card: unknown): string {
  const c = card as { results: CardResult[]; history: CardResult[] };
  const order = (xs: CardResult[]) => [...xs].sort((a, b) => b.periodId - a.periodId || a.compoundType.localeCompare(b.compoundType));
  return JSON.stringify({ ...c, results: order(c.results), history: order(c.history) });
}

// ---- one database ----

/** Statements `fn` sends through the DataSource (counted in its logger's logQuery). */
async function countStatements(ds: DataSource, fn: () => Promise<unknown>): Promise<number> {
  const logger = ds.logger;
  let n = 0;
  (ds as unknown as { logger: unknown }).logger = new Proxy(logger, {
    get: (target, prop) => (prop === 'logQuery' ? () => void n++ : (target as unknown as Record<string | symbol, unknown>)[prop]),
  });
  try {
    await fn();
  } finally {
    (ds as unknown as { logger: unknown }).logger = logger;
  }
  return n;
}

async function timeOnce(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const closeRow = (variant: string, all: number[]): CloseRow => ({
  variant,
  runs: all.length,
  medianMs: median(all),
  minMs: Math.min(...all),
  maxMs: Math.max(...all),
  all,
});
const cardRow = (variant: string, all: number[]): CardRow => ({
  variant,
  runs: all.length,
  p50Ms: percentile(all, 50),
  p95Ms: percentile(all, 95),
  maxMs: Math.max(...all),
});

async function benchOn(db: TempDatabase, size: Size): Promise<RatingsDbResult> {
  const ds = new DataSource(buildOptions({ ...db.env }));
  await ds.initialize();
  let raw: Raw | null = null;
  try {
    await migrate(ds);
    await seedDemo(ds);
    // Actions reach the database through the process-wide DataSource; point it at this one.
    setDataSource(ds);
    raw = db.kind === 'mysql' ? await mysqlRaw(db.env.MYSQL_URL) : sqliteRaw(db.env.SQLITE_PATH);
    const r = raw;
    const server =
      db.kind === 'mysql'
        ? String((await r.all<{ v: string }>('SELECT VERSION() AS v'))[0].v)
        : `SQLite ${(await r.all<{ v: string }>('SELECT sqlite_version() AS v'))[0].v} (better-sqlite3, WAL)`;

    console.log(`  ${db.label}: loading ${size.firms} firms, ${size.ratings.toLocaleString('en-US')} ratings, ${size.needs.toLocaleString('en-US')} needs…`);
    const t0 = Date.now();
    const L = await load(r, ds, size);
    const loadSeconds = (Date.now() - t0) / 1000;
    console.log(`  loaded in ${loadSeconds.toFixed(1)} s`);
    const [{ n: firmsTotal }] = await r.all<{ n: number }>("SELECT COUNT(*) AS n FROM organisations WHERE kind = 'property_firm'");

    const ctx = { tx: <T>(work: (em: import('typeorm').EntityManager) => Promise<T>) => runInTransaction(ds, work) };
    const realClose = async () => {
      const period = await ds.manager.findOneByOrFail(RatingPeriod, { id: L.periodId });
      const t = performance.now();
      await closePeriod(ctx, period, new Date());
      return performance.now() - t;
    };

    // Warm-up of each, then the check that both leave the same rows.
    await realClose();
    const real = await snapshot(r, L.periodId);
    await reopen(r, L.periodId);
    await rawClose(r, L.periodId, new Date());
    const diff = firstDiff(real, await snapshot(r, L.periodId));
    const closeEqual = { equal: diff === undefined, ...(diff ? { diff } : {}) };
    if (diff) console.log(`  firm_results differ (closePeriod ≠ raw): ${diff.slice(0, 300)}`);
    const results = real.length;

    // Interleaved runs, the order swapped every run; the reset is not timed.
    const realMs: number[] = [];
    const rawMs: number[] = [];
    const rawPhases: RawPhases[] = [];
    for (let i = 0; i < size.closeRuns; i++) {
      for (const which of i % 2 ? (['raw', 'real'] as const) : (['real', 'raw'] as const)) {
        await reopen(r, L.periodId);
        if (which === 'real') realMs.push(await realClose());
        else {
          const p: RawPhases = { reads: 0, ratingReads: 0, js: 0, writes: 0 };
          rawMs.push(await timeOnce(() => rawClose(r, L.periodId, new Date(), p)));
          rawPhases.push(p);
        }
      }
      console.log(`  ${db.label} close run ${i + 1}: closePeriod ${realMs[i].toFixed(0)} ms, raw SQL ${rawMs[i].toFixed(0)} ms`);
    }

    // Where the time goes: computeResults alone (the reads and the JS, no transaction), and the
    // statements one close makes (counted through the DataSource's logger).
    const period = await ds.manager.findOneByOrFail(RatingPeriod, { id: L.periodId });
    period.status = 'open';
    const computeMs: number[] = [];
    for (let i = 0; i < size.closeRuns; i++) computeMs.push(await timeOnce(() => computeResults(ds.manager, period)));
    await reopen(r, L.periodId);
    const statements = await countStatements(ds, realClose);
    const phases = {
      computeMedianMs: median(computeMs),
      closeStatements: statements,
      cardStatements: 0,
      rawReadsMs: median(rawPhases.map((p) => p.reads)),
      rawRatingReadsMs: median(rawPhases.map((p) => p.ratingReads)),
      rawJsMs: median(rawPhases.map((p) => p.js)),
      rawWritesMs: median(rawPhases.map((p) => p.writes)),
    };
    console.log(
      `  ${db.label}: computeResults alone ${phases.computeMedianMs.toFixed(0)} ms; closePeriod made ${statements} statements; raw: reads ${phases.rawReadsMs.toFixed(0)} ms (household_ratings ${phases.rawRatingReadsMs.toFixed(0)} ms), JS ${phases.rawJsMs.toFixed(1)} ms, writes ${phases.rawWritesMs.toFixed(0)} ms`,
    );

    // The firm card: publish (through the action, as the admin), replies for every other firm,
    // and the next period open, as it would be.
    const platform = localPlatform('http://bench.local/');
    const pub = await runAction(ratingActions, { action: 'publishPeriod', periodId: L.periodId }, { openid: ADMIN }, platform);
    if (!pub.ok) throw new Error(`publishPeriod answered ${JSON.stringify(pub.error)}`);
    const now = new Date();
    await insertMany(
      r,
      'firm_replies',
      ['periodId', 'firmId', 'body', 'authorId', 'updatedAt'],
      L.firmIds.filter((_, i) => i % 2 === 0).map((f) => [L.periodId, f, '感谢各位业主的评价，我们将持续改进。', L.adminId, r.time(now)]),
    );
    const next = await runAction(
      ratingActions,
      { action: 'openPeriod', code: '2026-Q4', startsOn: localDay(now), endsOn: localDay(new Date(now.getTime() + 90 * DAY)) },
      { openid: ADMIN },
      platform,
    );
    if (!next.ok) throw new Error(`openPeriod answered ${JSON.stringify(next.error)}`);

    const card = (firmId: number) => runAction(ratingActions, { action: 'firmCard', firmId }, { openid: READER }, platform);
    let cardDiff: string | undefined;
    for (const firmId of [L.firmIds[0], L.firmIds[1], L.firmIds[L.firmIds.length - 1]]) {
      const a = await card(firmId);
      if (!a.ok) throw new Error(`firmCard answered ${JSON.stringify(a.error)}`);
      const x = normaliseCard(a.data);
      const y = normaliseCard(await rawCard(r, firmId));
      if (x !== y && !cardDiff) {
        const i = [...x].findIndex((ch, k) => ch !== y[k]);
        cardDiff = `firm ${firmId}: …${x.slice(Math.max(0, i - 60), i + 60)}… ≠ …${y.slice(Math.max(0, i - 60), i + 60)}…`;
      }
    }
    if (cardDiff) console.log(`  firm card differs (action ≠ raw): ${cardDiff}`);
    phases.cardStatements = await countStatements(ds, () => card(L.firmIds[0]));
    const pick = mulberry32(42);
    const firmAt = () => L.firmIds[Math.floor(pick() * L.firmIds.length)];
    for (let i = 0; i < 30; i++) {
      await card(firmAt());
      await rawCard(r, firmAt());
    }
    const actionMs: number[] = [];
    const rawCardMs: number[] = [];
    for (let i = 0; i < size.cardReads; i++) {
      const firmId = firmAt();
      const a = () => timeOnce(() => card(firmId));
      const b = () => timeOnce(() => rawCard(r, firmId));
      if (i % 2) {
        rawCardMs.push(await b());
        actionMs.push(await a());
      } else {
        actionMs.push(await a());
        rawCardMs.push(await b());
      }
    }
    return {
      label: db.label,
      server,
      size: { ...size, scores: L.scores, compounds: L.compounds, firmsTotal: Number(firmsTotal), results },
      loadSeconds,
      close: [
        closeRow('raw SQL: 6 GROUP BY/lookup queries, JS, UPDATE + DELETE + one INSERT in a transaction', rawMs),
        closeRow('closePeriod (real code, one transaction)', realMs),
      ],
      phases,
      closeEqual,
      card: [
        cardRow('raw SQL, the same reads (actor, firm, compounds, periods, results, reply, comments, open period)', rawCardMs),
        cardRow('ratings.firmCard through runAction', actionMs),
      ],
      cardEqual: { equal: cardDiff === undefined, ...(cardDiff ? { diff: cardDiff } : {}) },
    };
  } finally {
    await raw?.end().catch(() => undefined);
    await closeDataSource();
    if (ds.isInitialized) await ds.destroy().catch(() => undefined);
  }
}

export async function benchRatingsClose(opts: { quick?: boolean; sqliteRatings?: number } = {}): Promise<RatingsResult> {
  const size = opts.quick ? QUICK : FULL;
  const machine = describeMachine();
  const out: RatingsDbResult[] = [];
  const targets: { make: () => Promise<TempDatabase>; size: Size }[] = [];
  if (process.env.MYSQL_URL) targets.push({ make: () => tempMysql(process.env.MYSQL_URL!, 'hg_bench_ratings'), size });
  else console.log('  MYSQL_URL not set: the MySQL rows are skipped');
  targets.push({ make: async () => tempSqlite(), size: { ...size, ratings: opts.sqliteRatings ?? size.ratings } });
  for (const t of targets) {
    const db = await t.make();
    try {
      out.push(await benchOn(db, t.size));
    } finally {
      await db.drop().catch((e) => console.error(`could not drop the ${db.label} ratings bench database:`, e));
    }
  }
  return { machine, loadAfter: Math.round(os.loadavg()[0] * 100) / 100, quick: !!opts.quick, dbs: out };
}

// ---- results section of docs/benchmarks.md ----

const DOC = path.join(ROOT, 'docs', 'benchmarks.md');
const START = '<!-- bench:ratings:start (written by npm run bench / tsx bench/ratings-close.ts) -->';
const END = '<!-- bench:ratings:end -->';
const table = (head: string[], body: (string | number)[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
const num = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n >= 100 ? `${n.toFixed(0)} ms` : `${n.toFixed(1)} ms`);

export function renderRatings(r: RatingsResult | null): string {
  if (!r) return [START, '', '### Ratings period close and firm card', '', 'Not measured.', '', END].join('\n');
  const m = r.machine;
  const closeVerdict = (d: RatingsDbResult, x: CloseRow) => {
    if (d.label === 'SQLite') return 'record only';
    if (x.maxMs <= CLOSE_TARGET_MS) return 'met (every run)';
    return x.medianMs <= CLOSE_TARGET_MS ? 'median met, **not every run**' : '**missed**';
  };
  return [
    START,
    '',
    `### Ratings period close and firm card${r.quick ? ' (quick run: fewer runs, not for the record)' : ''}`,
    '',
    `Measured ${m.date} on ${m.cores} × ${m.cpu}, Node ${m.node}; load average ${m.load} at the start, ${r.loadAfter} at the end. ${r.dbs
      .map(
        (d) =>
          `${d.label}: ${d.server}, ${num(d.size.firmsTotal)} property firms (${num(d.size.firms)} loaded + the demo's), ${num(d.size.compounds)} loaded compounds, ${num(d.size.ratings)} household ratings, ${num(d.size.scores)} assessor scores, ${num(d.size.needs)} needs, loaded in ${d.loadSeconds.toFixed(0)} s; one close writes ${num(d.size.results)} firm_results rows`,
      )
      .join('; ')}.`,
    '',
    table(
      ['database', 'variant', 'runs', 'median', 'min', 'max', 'every run', `target ≤ ${num(CLOSE_TARGET_MS)} ms`],
      r.dbs.flatMap((d) =>
        d.close.map((x) => [
          d.label,
          x.variant.startsWith('closePeriod') ? `**${x.variant}**` : x.variant,
          x.runs,
          ms(x.medianMs),
          ms(x.minMs),
          ms(x.maxMs),
          x.all.map((v) => v.toFixed(0)).join(' / '),
          x.variant.startsWith('closePeriod') ? closeVerdict(d, x) : '',
        ]),
      ),
    ),
    '',
    table(
      [
        'database',
        'closePeriod ÷ raw (medians)',
        'computeResults alone (median)',
        'statements per closePeriod',
        'raw: reads (of which household_ratings) / JS / writes, medians',
        'same firm_results rows',
        'statements per firmCard',
      ],
      r.dbs.map((d) => [
        d.label,
        `${(d.close[1].medianMs / d.close[0].medianMs).toFixed(2)} ×`,
        ms(d.phases.computeMedianMs),
        d.phases.closeStatements,
        `${ms(d.phases.rawReadsMs)} (${ms(d.phases.rawRatingReadsMs)}) / ${ms(d.phases.rawJsMs)} / ${ms(d.phases.rawWritesMs)}`,
        d.closeEqual.equal ? 'yes' : `**no**: \`${d.closeEqual.diff!.slice(0, 200)}\``,
        d.phases.cardStatements,
      ]),
    ),
    '',
    table(
      ['database', 'variant', 'reads', 'p50', 'p95', 'max', `target p95 ≤ ${CARD_P95_TARGET_MS} ms`, 'same card'],
      r.dbs.flatMap((d) =>
        d.card.map((x) => [
          d.label,
          x.variant.startsWith('ratings') ? `**${x.variant}**` : x.variant,
          num(x.runs),
          ms(x.p50Ms),
          ms(x.p95Ms),
          ms(x.maxMs),
          x.variant.startsWith('ratings') ? (d.label === 'SQLite' ? 'record only' : verdict(x.p95Ms <= CARD_P95_TARGET_MS)) : '',
          x.variant.startsWith('ratings') ? (d.cardEqual.equal ? 'yes' : `**no**: \`${d.cardEqual.diff!.slice(0, 200)}\``) : '',
        ]),
      ),
    ),
    '',
    END,
  ].join('\n');
}

export function writeRatingsSection(section: string): void {
  const doc = fs.readFileSync(DOC, 'utf8');
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error('docs/benchmarks.md has no bench:ratings markers; keep the two marker comments under the "Ratings" heading');
  fs.writeFileSync(DOC, `${doc.slice(0, a)}${section}${doc.slice(b + END.length)}`);
}

/** The ratings part of `npm run bench`: measure and rewrite its section. */
export async function runRatingsBench(quick: boolean, sqliteRatings?: number): Promise<RatingsResult> {
  console.log('\nratings period close and firm card…');
  const r = await benchRatingsClose({ quick, sqliteRatings });
  for (const d of r.dbs) {
    for (const x of d.close) console.log(`  ${`${x.variant}, ${d.label}`.padEnd(100)} median ${ms(x.medianMs)}  min ${ms(x.minMs)}  max ${ms(x.maxMs)}`);
    for (const x of d.card) console.log(`  ${`${x.variant}, ${d.label}`.padEnd(100)} p50 ${ms(x.p50Ms)}  p95 ${ms(x.p95Ms)}  max ${ms(x.maxMs)}`);
    console.log(
      `  ${d.label}: close target ≤ ${CLOSE_TARGET_MS} ms, card p95 target ≤ ${CARD_P95_TARGET_MS} ms; same firm_results ${d.closeEqual.equal ? 'yes' : 'NO'}, same card ${d.cardEqual.equal ? 'yes' : 'NO'}`,
    );
  }
  writeRatingsSection(renderRatings(r));
  console.log('  written docs/benchmarks.md (ratings section)');
  return r;
}

if (require.main === module) {
  const arg = process.argv.find((a) => a.startsWith('--sqlite-ratings='));
  runRatingsBench(process.argv.includes('--quick'), arg ? Number(arg.split('=')[1]) : undefined).then(
    () => process.exit(0),
    (err) => {
      console.error('ratings bench failed:', err instanceof Error ? err.stack : err);
      process.exit(1);
    },
  );
}
