/**
 * Needs at city scale (MySQL only): a throw-away database with the demo city grown to 40
 * communities and 1,000,000 needs, then
 * - the dispatch queue (needs.queue) of a community_staff actor, first page and page 1,000, run
 *   through the action wrapper (runAction: validation, actor, scope, keyset query, presenter),
 *   next to the same page query in raw SQL over mysql2 and next to the same reads in raw SQL;
 * - the work lists of issue #9 for the same actor, through runAction: the 待处理 tab, the tab counts,
 *   searches (a rare word, no match, #id), merge candidates and 升级待办, with the EXPLAIN (and
 *   MariaDB ANALYZE) of each statement on needs they send;
 * - create-need throughput through the HTTP gateway (autocannon, 50 connections), residents'
 *   tokens rotating so that the 20-a-day limit per resident never trips.
 * `tsx bench/needs-queue.ts [--quick]` runs it alone and rewrites only its section of
 * docs/benchmarks.md; `npm run bench` runs it after the others.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { createGateway } from '../cloud/gateway/server';
import { signSession } from '../cloud/gateway/session';
import { runAction } from '../cloud/src/core/action';
import { encodeCursor } from '../cloud/src/core/cursor';
import { buildOptions, closeDataSource, migrate, setDataSource } from '../cloud/src/core/data-source';
import { localPlatform } from '../cloud/src/core/platform';
import { needActions } from '../cloud/src/modules/needs';
import { demoOpenid } from '../cloud/src/seed/demo-data';
import { seedDemo } from '../cloud/src/seed/seed';
import { ROOT, tempMysql } from '../scripts/lib/cloud-harness';
import { describeMachine } from './machine';
import { median, percentile } from './stats';

export const QUEUE_P95_TARGET_MS = 20;
export const QUEUE_RAW_TARGET = 0.5;
const COMMUNITIES = 40;
const COMPOUNDS_PER_COMMUNITY = 5;
const BUILDINGS_PER_COMPOUND = 4;
const UNITS_PER_BUILDING = 2;
const ROOMS_PER_UNIT = 12;
const PAGE = 20;
const CREATE_RESIDENTS = 1000;

export interface LatencyRow {
  variant: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  /** raw p95 / action p95 (1 = as fast as raw); null on the raw rows and the work-list rows. */
  vsRawPage: number | null;
  vsRawReads: number | null;
  /** A work-list row (issue #9 items 1 and 7): judged on the p95 target alone. */
  p95Only?: boolean;
}
/** One table of an EXPLAIN of a query an action sent (rowsRead: MariaDB's ANALYZE, null elsewhere). */
export interface PlanRow {
  query: string;
  access: string | null;
  key: string | null;
  rows: number | null;
  rowsRead: number | null;
  extra: string | null;
}
export interface NeedsBenchResult {
  server: string;
  needs: number;
  loadSeconds: number;
  explain: { page: string; key: string | null; rows: number | null }[];
  queue: LatencyRow[];
  plans: PlanRow[];
  /** What the work lists find in 南街社区. */
  shape: { needs: number; open: number; overdue: number; waiting: number; escalated: number; rare: number };
  create: { reqPerSec: number; p50Ms: number; p99Ms: number; requests: number; failures: number; seconds: number };
}

type Conn = mysql.Pool;
const rows = async <T>(c: Conn, sql: string, params: unknown[] = []) => (await c.query(sql, params))[0] as T[];

/** Multi-row INSERTs of `batch` rows; values are already SQL literals or placeholders-free numbers. */
async function insertMany(c: Conn, table: string, columns: string[], values: unknown[][], batch = 5000): Promise<void> {
  for (let i = 0; i < values.length; i += batch) {
    const chunk = values.slice(i, i + batch);
    await c.query(`INSERT INTO ${table} (${columns.map((x) => `\`${x}\``).join(', ')}) VALUES ?`, [chunk]);
  }
}

/** Grow the demo city to 40 communities of 5 compounds (4 buildings × 2 units × 12 rooms each). */
async function growCity(c: Conn): Promise<void> {
  const streets = await rows<{ id: number }>(c, 'SELECT id FROM streets ORDER BY id');
  const have = await rows<{ id: number }>(c, 'SELECT id FROM communities');
  const extra = Array.from({ length: COMMUNITIES - have.length }, (_, i) => [streets[i % streets.length].id, `压测社区${i + 1}`]);
  await insertMany(c, 'communities', ['streetId', 'name'], extra);
  const firms = await rows<{ id: number }>(c, "SELECT id FROM organisations WHERE kind = 'property_firm' ORDER BY id");
  // Communities without compounds (江南社区 and the new ones) get five each.
  const empty = await rows<{ id: number; streetId: number }>(
    c,
    'SELECT id, streetId FROM communities m WHERE NOT EXISTS (SELECT 1 FROM compounds c WHERE c.communityId = m.id) ORDER BY id',
  );
  await insertMany(
    c,
    'compounds',
    ['communityId', 'streetId', 'name', 'type', 'address', 'code', 'propertyOrgId'],
    empty.flatMap((m) =>
      Array.from({ length: COMPOUNDS_PER_COMMUNITY }, (_, k) => [
        m.id,
        m.streetId,
        `压测小区${m.id}-${k + 1}`,
        'commercial',
        '',
        `B${m.id}X${k}`,
        firms[(m.id + k) % firms.length].id,
      ]),
    ),
  );
  const compounds = await rows<{ id: number }>(c, "SELECT id FROM compounds WHERE code LIKE 'B%X%' ORDER BY id");
  await insertMany(
    c,
    'buildings',
    ['compoundId', 'name', 'code', 'sortOrder'],
    compounds.flatMap((cp) => Array.from({ length: BUILDINGS_PER_COMPOUND }, (_, b) => [cp.id, `${b + 1}栋`, `B${cp.id}Y${b}`, b])),
  );
  const buildings = await rows<{ id: number }>(c, "SELECT id FROM buildings WHERE code LIKE 'B%Y%' ORDER BY id");
  await insertMany(
    c,
    'units',
    ['buildingId', 'name', 'sortOrder'],
    buildings.flatMap((b) => Array.from({ length: UNITS_PER_BUILDING }, (_, u) => [b.id, `${u + 1}单元`, u + 1])),
  );
  await c.query(
    `INSERT INTO households (unitId, buildingId, compoundId, communityId, room)
     SELECT u.id, b.id, cp.id, cp.communityId, r.room FROM units u JOIN buildings b ON b.id = u.buildingId JOIN compounds cp ON cp.id = b.compoundId
     JOIN (${Array.from({ length: ROOMS_PER_UNIT }, (_, i) => `SELECT '${Math.floor(i / 2) + 1}0${(i % 2) + 1}' AS room`).join(' UNION ALL ')}) r
     WHERE b.code LIKE 'B%Y%'`,
  );
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** A deterministic hash of (i, salt): independent of the community (which is i % 40) and of the neighbours. */
function hash(i: number, salt: number): number {
  let h = Math.imul(i ^ Math.imul(salt + 1, 0x9e3779b9), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const pick = <T>(mix: readonly [T, number][], permille: number, fallback: T): T => {
  let acc = 0;
  for (const [x, n] of mix) if (permille < (acc += n)) return x;
  return fallback;
};

/**
 * Where needs stand by age (per mille of each band, BRIEF §5): the last day's mostly open, the
 * week's mostly resolved, older ones closed (resolved needs auto-close after 7 days) but for a
 * stale tail (≈ 0.5 %) that is still open and long overdue. About 450 of a community's 25,000
 * needs are open, 15 of them waiting for dispatch.
 */
const STATUS_BY_AGE: { underDays: number; mix: [string, number][] }[] = [
  {
    underDays: 1,
    mix: [
      ['submitted', 120],
      ['dispatched', 150],
      ['open_for_claim', 40],
      ['accepted', 200],
      ['in_progress', 250],
      ['on_hold', 20],
      ['resolved', 160],
      ['rejected', 30],
      ['cancelled', 20],
      ['merged', 10],
    ],
  },
  {
    underDays: 7,
    mix: [
      ['submitted', 10],
      ['dispatched', 30],
      ['open_for_claim', 10],
      ['accepted', 50],
      ['in_progress', 150],
      ['on_hold', 30],
      ['resolved', 540],
      ['closed', 90],
      ['rejected', 40],
      ['cancelled', 30],
      ['merged', 20],
    ],
  },
  {
    underDays: 30,
    mix: [
      ['submitted', 2],
      ['dispatched', 5],
      ['open_for_claim', 3],
      ['accepted', 10],
      ['in_progress', 40],
      ['on_hold', 15],
      ['closed', 845],
      ['rejected', 40],
      ['cancelled', 25],
      ['merged', 15],
    ],
  },
  {
    underDays: Infinity,
    mix: [
      ['dispatched', 1],
      ['in_progress', 2],
      ['on_hold', 2],
      ['closed', 915],
      ['rejected', 40],
      ['cancelled', 25],
      ['merged', 15],
    ],
  },
];
const statusAt = (permille: number, ageMs: number) => pick(STATUS_BY_AGE.find((b) => ageMs < b.underDays * DAY)!.mix, permille, 'closed');
const ACCEPT_CLOCK = ['submitted', 'dispatched', 'open_for_claim'];
const RESOLVE_CLOCK = ['accepted', 'in_progress'];
const OPEN = [...ACCEPT_CLOCK, ...RESOLVE_CLOCK, 'on_hold'];

/** The ladder (per mille): most needs stay in the building; an open need past its deadline has usually climbed. */
const LEVELS: [string, number][] = [
  ['building', 780],
  ['compound', 150],
  ['community', 55],
  ['street', 15],
];
const LEVELS_OVERDUE: [string, number][] = [
  ['building', 400],
  ['compound', 350],
  ['community', 200],
  ['street', 50],
];

/** Descriptions as residents write them; RARE_WORD is in ≈ 0.04 % of them (≈ 10 per community), NO_MATCH in none. */
const PROBLEMS = [
  '楼道灯不亮',
  '电梯运行有异响',
  '厨房下水道堵塞，水排不下去',
  '卫生间漏水到楼下',
  '单元门门禁刷卡没反应',
  '绿化带里有建筑垃圾',
  '消防通道被电动车占用',
  '楼上装修噪音大，希望协调施工时间',
  '热水器不打火',
  '垃圾桶满了没人清运',
  '路灯不亮',
  '外墙瓷砖有脱落',
  '屋顶防水层开裂漏雨',
  '车库积水',
  '快递柜故障取不出件',
  '独居老人需要有人帮忙取药',
  '大门道闸坏了',
  '水压太低，高层用不上水',
  '楼道堆放杂物',
  '宠物粪便没人清理',
];
const PLACES = ['', '1单元', '2单元', '楼下', '单元门口', '车库入口', '东门', '西侧', '3楼', '5楼'];
const TAILS = ['', '，已经好几天了', '，请尽快处理', '，影响老人出行', '，晚上看不清路', '，麻烦派人来看看'];
export const RARE_WORD = '井盖松动';
export const NO_MATCH = '量子纠缠';
function describe(i: number): string {
  const base = `${PLACES[hash(i, 5) % PLACES.length]}${PROBLEMS[hash(i, 6) % PROBLEMS.length]}${TAILS[hash(i, 7) % TAILS.length]}`;
  return hash(i, 4) % 10_000 < 4 ? `${base}，旁边${RARE_WORD}` : base;
}

/**
 * 1,000,000 needs over a year: community i % 40, then round-robin over that community's households;
 * category, status (by age), ladder level and description from a hash of i, deadlines from the
 * category's SLA hours as create / accept set them.
 */
async function loadNeeds(c: Conn, total: number): Promise<void> {
  const households = await rows<{
    id: number;
    unitId: number;
    buildingId: number;
    compoundId: number;
    communityId: number;
    streetId: number;
    firm: number | null;
  }>(
    c,
    'SELECT h.id, h.unitId, h.buildingId, h.compoundId, h.communityId, cp.streetId, cp.propertyOrgId AS firm FROM households h JOIN compounds cp ON cp.id = h.compoundId ORDER BY h.id',
  );
  const byCommunity = new Map<number, typeof households>();
  for (const h of households) byCommunity.set(h.communityId, [...(byCommunity.get(h.communityId) ?? []), h]);
  const communities = [...byCommunity.values()];
  const categories = await rows<{ id: number; list: string; acceptSlaHours: number; resolveSlaHours: number }>(
    c,
    'SELECT id, list, acceptSlaHours, resolveSlaHours FROM need_categories ORDER BY id',
  );
  const [reporter] = await rows<{ id: number }>(c, 'SELECT id FROM users WHERE openid = ?', [demoOpenid('resident')]);
  const now = Date.now();
  const start = now - 365 * DAY;
  const step = (365 * DAY) / total;
  const columns = [
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
    'leftBuilding',
    'createdAt',
    'updatedAt',
  ];
  const batch = 5000;
  for (let from = 0; from < total; from += batch) {
    const values: (string | number | Date | null)[][] = [];
    for (let i = from; i < Math.min(total, from + batch); i++) {
      // A cheap deterministic scramble so neighbouring ids land in different households.
      const inCommunity = communities[i % communities.length];
      const h = inCommunity[(Math.floor(i / communities.length) * 7919) % inCommunity.length];
      const cat = categories[hash(i, 2) % categories.length];
      const created = start + i * step;
      const age = now - created;
      const status = statusAt(hash(i, 1) % 1000, age);
      // Times after filing, squeezed for needs younger than the usual delays.
      const after = (ms: number, share: number) => new Date(created + Math.min(ms, age * share));
      const responded = ['submitted', 'dispatched', 'open_for_claim', 'rejected', 'cancelled', 'merged'].includes(status) ? null : after(40 * 60_000, 0.3);
      const acceptDueAt = new Date(created + cat.acceptSlaHours * HOUR);
      const resolveDueAt = responded ? new Date(responded.getTime() + cat.resolveSlaHours * HOUR) : null;
      const overdue =
        (ACCEPT_CLOCK.includes(status) && acceptDueAt.getTime() < now) ||
        (RESOLVE_CLOCK.includes(status) && resolveDueAt !== null && resolveDueAt.getTime() < now);
      const level = pick(OPEN.includes(status) && overdue ? LEVELS_OVERDUE : LEVELS, hash(i, 3) % 1000, 'building');
      const updated = ['submitted'].includes(status) ? new Date(created) : after(30 * HOUR, 0.9);
      values.push([
        cat.id,
        cat.list,
        h.streetId,
        h.communityId,
        h.compoundId,
        h.buildingId,
        h.unitId,
        h.id,
        reporter.id,
        reporter.id,
        'self',
        describe(i),
        '',
        '压测居民',
        '10000000000',
        status,
        level,
        ['submitted', 'open_for_claim'].includes(status) ? null : h.firm,
        acceptDueAt,
        resolveDueAt,
        responded,
        status === 'resolved' || status === 'closed' ? after(26 * HOUR, 0.8) : null,
        ['closed', 'rejected', 'cancelled', 'merged'].includes(status) ? after(30 * HOUR, 0.9) : null,
        status === 'closed' && i % 3 ? 3 + (i % 3) : null,
        level === 'building' ? 0 : 1,
        new Date(created),
        updated,
      ]);
    }
    await c.query(`INSERT INTO needs (${columns.map((x) => `\`${x}\``).join(', ')}) VALUES ?`, [values]);
    if ((from / batch) % 40 === 0) process.stdout.write(`  needs loaded: ${from.toLocaleString('en-US')}\r`);
  }
  process.stdout.write('\n');
  await c.query('ANALYZE TABLE needs');
}

async function timeRuns(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(30, runs); i++) await fn(); // warm-up: JIT, pool, buffer pool
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return ms;
}

/** The SQL statements on `needs` (alias n) one action call sends, captured from TypeORM's logger. */
async function needsSqlOf(ds: DataSource, call: () => Promise<unknown>): Promise<{ sql: string; params: unknown[] }[]> {
  const logger = ds.logger;
  const prev = logger.logQuery;
  const seen: { sql: string; params: unknown[] }[] = [];
  logger.logQuery = (sql: string, params?: unknown[]) => void seen.push({ sql, params: params ?? [] });
  try {
    await call();
  } finally {
    logger.logQuery = prev;
  }
  return seen.filter((q) => /FROM `needs` `n`/.test(q.sql));
}

/** EXPLAIN of each statement (and, on MariaDB, ANALYZE: the rows really read). */
async function plansOf(c: Conn, label: string, queries: { sql: string; params: unknown[] }[], mariadb: boolean): Promise<PlanRow[]> {
  const out: PlanRow[] = [];
  for (const [k, q] of queries.entries()) {
    type Row = { table: string; type: string | null; key: string | null; rows: number | string | null; r_rows?: number | string | null; Extra: string | null };
    const plan = await rows<Row>(c, `EXPLAIN ${q.sql}`, q.params);
    const analyzed = mariadb ? await rows<Row>(c, `ANALYZE ${q.sql}`, q.params).catch(() => null) : null;
    for (const [j, p] of plan.entries()) {
      const read = analyzed?.[j]?.r_rows;
      out.push({
        query: queries.length > 1 ? `${label} (statement ${k + 1} of ${queries.length})` : label,
        access: p.type,
        key: p.key,
        rows: p.rows === null ? null : Number(p.rows),
        rowsRead: read === undefined || read === null ? null : Math.round(Number(read)),
        extra: p.Extra,
      });
    }
  }
  return out;
}

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/**
 * autocannon in a child process (not on the gateway's event loop), each request taking the next
 * resident's token and household, so no resident files more than a few needs.
 */
function cannonCreate(url: string, bodies: { token: string; body: string }[], seconds: number): Promise<NeedsBenchResult['create']> {
  const file = path.join(os.tmpdir(), `hg-needs-bench-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(bodies));
  const script = `
    const autocannon = require(${JSON.stringify(path.join(ROOT, 'node_modules', 'autocannon'))});
    const bodies = JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'));
    let i = 0;
    autocannon({
      url: ${JSON.stringify(url)}, connections: 50, duration: Number(process.argv[1]),
      requests: [{ method: 'POST', setupRequest: (req) => {
        const b = bodies[i++ % bodies.length];
        return { ...req, headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + b.token }, body: b.body };
      } }],
    }, (err, r) => {
      if (err) { console.error(err); process.exit(1); }
      process.stdout.write(JSON.stringify({ rps: r.requests.average, total: r.requests.total, p50: r.latency.p50, p99: r.latency.p99, failures: r.errors + r.timeouts + r.non2xx }));
    });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, String(seconds)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('close', (code) => {
      fs.rmSync(file, { force: true });
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err.trim()}`));
      const r = JSON.parse(out) as { rps: number; total: number; p50: number; p99: number; failures: number };
      resolve({ reqPerSec: r.rps, p50Ms: r.p50, p99Ms: r.p99, requests: r.total, failures: r.failures, seconds });
    });
  });
}

/** Residents for the create load: verified members of households across the city, with tokens. */
async function residentsForCreate(c: Conn, secret: string, suggestion: number): Promise<{ token: string; body: string }[]> {
  const households = await rows<{ id: number; buildingId: number; compoundId: number; communityId: number }>(
    c,
    `SELECT id, buildingId, compoundId, communityId FROM households WHERE NOT EXISTS (SELECT 1 FROM household_members m WHERE m.householdId = households.id) ORDER BY id LIMIT ${CREATE_RESIDENTS}`,
  );
  const now = new Date();
  await insertMany(
    c,
    'users',
    ['openid', 'name', 'phone', 'createdAt'],
    households.map((h) => [`bench:resident:${h.id}`, '压测居民', '10000000000', now]),
  );
  const users = await rows<{ id: number; openid: string }>(c, "SELECT id, openid FROM users WHERE openid LIKE 'bench:resident:%'");
  const byHousehold = new Map(users.map((u) => [Number(u.openid.split(':')[2]), u.id]));
  await insertMany(
    c,
    'household_members',
    [
      'householdId',
      'userId',
      'buildingId',
      'compoundId',
      'communityId',
      'relation',
      'status',
      'applicantName',
      'applicantPhone',
      'verifiedAt',
      'createdAt',
      'updatedAt',
    ],
    households.map((h) => [
      h.id,
      byHousehold.get(h.id)!,
      h.buildingId,
      h.compoundId,
      h.communityId,
      'owner',
      'verified',
      '压测居民',
      '10000000000',
      now,
      now,
      now,
    ]),
  );
  return households.map((h) => ({
    token: signSession(secret, `bench:resident:${h.id}`).token,
    body: JSON.stringify({ action: 'create', categoryId: suggestion, householdId: h.id, description: '压测：楼道灯不亮' }),
  }));
}

export async function benchNeedsQueue(serverUrl: string, opts: { quick?: boolean } = {}): Promise<NeedsBenchResult> {
  const total = opts.quick ? 100_000 : 1_000_000;
  const runs = opts.quick ? 100 : 300;
  const deepPage = opts.quick ? 100 : 1000;
  const db = await tempMysql(serverUrl, 'hg_bench_needs');
  const url = db.env.MYSQL_URL.replace(/^mariadb:/, 'mysql:');
  // A pool like the action's (TypeORM pools 10): the raw lookups run in parallel as the presenter's do.
  const c = mysql.createPool({ uri: url, timezone: 'Z', connectionLimit: 10 });
  const ds = new DataSource(buildOptions({ MYSQL_URL: db.env.MYSQL_URL }));
  try {
    await ds.initialize();
    await migrate(ds);
    await seedDemo(ds);
    setDataSource(ds);
    const [{ v: server }] = await rows<{ v: string }>(c, 'SELECT VERSION() AS v');

    console.log(`  loading ${total.toLocaleString('en-US')} needs into ${COMMUNITIES} communities…`);
    const t0 = Date.now();
    await growCity(c);
    await loadNeeds(c, total);
    const loadSeconds = (Date.now() - t0) / 1000;
    console.log(`  loaded in ${loadSeconds.toFixed(0)} s`);

    // The actor: the demo community_staff of 南街社区.
    const [{ id: nanjie }] = await rows<{ id: number }>(c, "SELECT id FROM communities WHERE name = '南街社区'");
    const [{ id: boundary }] = await rows<{ id: number }>(
      c,
      `SELECT id FROM needs WHERE communityId = ? ORDER BY id DESC LIMIT 1 OFFSET ${(deepPage - 1) * PAGE - 1}`,
      [nanjie],
    );
    const identity = { openid: demoOpenid('community_staff') };
    const platform = localPlatform('http://bench.local/');
    const pages = [
      { label: 'first page', cursor: undefined as string | undefined, after: null as number | null },
      { label: `page ${deepPage.toLocaleString('en-US')}`, cursor: encodeCursor(boundary), after: boundary },
    ];
    const pageSql = (after: number | null) => `SELECT * FROM needs WHERE communityId = ?${after ? ' AND id < ?' : ''} ORDER BY id DESC LIMIT ${PAGE + 1}`;
    const explain: NeedsBenchResult['explain'] = [];
    for (const p of pages) {
      const [plan] = await rows<{ key: string | null; rows: number | null }>(c, `EXPLAIN ${pageSql(p.after)}`, [nanjie, p.after]);
      explain.push({ page: p.label, key: plan.key, rows: plan.rows === null ? null : Number(plan.rows) });
      const check = await runAction(needActions, { action: 'queue', limit: PAGE, ...(p.cursor ? { cursor: p.cursor } : {}) }, identity, platform);
      if (!check.ok || (check.data as { items: unknown[] }).items.length !== PAGE)
        throw new Error(`queue ${p.label} answered ${JSON.stringify(check).slice(0, 200)}`);
    }

    /** The same reads the action makes, as raw SQL: actor, roles, page, then each kind of related row once. */
    const rawReads = async (after: number | null) => {
      const [user] = await rows<{ id: number }>(c, 'SELECT * FROM users WHERE openid = ?', [identity.openid]);
      await rows(c, 'SELECT * FROM role_assignments WHERE userId = ? ORDER BY id', [user.id]);
      const page = await rows<{ categoryId: number; compoundId: number; buildingId: number; receiverOrgId: number | null; receiverUserId: number | null }>(
        c,
        pageSql(after),
        [nanjie, after],
      );
      const ids = (f: (r: (typeof page)[number]) => number | null) => [...new Set(page.map(f).filter((x): x is number => !!x))];
      await Promise.all([
        rows(c, 'SELECT * FROM need_categories WHERE id IN (?)', [ids((r) => r.categoryId)]),
        rows(c, 'SELECT * FROM compounds WHERE id IN (?)', [ids((r) => r.compoundId)]),
        rows(c, 'SELECT * FROM buildings WHERE id IN (?)', [ids((r) => r.buildingId)]),
        rows(c, 'SELECT * FROM organisations WHERE id IN (?)', [[0, ...ids((r) => r.receiverOrgId)]]),
        rows(c, 'SELECT * FROM users WHERE id IN (?)', [[0, ...ids((r) => r.receiverUserId)]]),
      ]);
    };

    const queue: LatencyRow[] = [];
    for (const p of pages) {
      console.log(`  queue ${p.label}: ${runs} runs each…`);
      const action = await timeRuns(runs, () =>
        runAction(needActions, { action: 'queue', limit: PAGE, ...(p.cursor ? { cursor: p.cursor } : {}) }, identity, platform),
      );
      const rawPage = await timeRuns(runs, () => rows(c, pageSql(p.after), [nanjie, p.after]));
      const reads = await timeRuns(runs, () => rawReads(p.after));
      const p95 = (xs: number[]) => percentile(xs, 95);
      queue.push(
        { variant: `raw SQL page query, ${p.label}`, runs, medianMs: median(rawPage), p95Ms: p95(rawPage), vsRawPage: null, vsRawReads: null },
        {
          variant: `raw SQL same reads (actor, page, lookups), ${p.label}`,
          runs,
          medianMs: median(reads),
          p95Ms: p95(reads),
          vsRawPage: null,
          vsRawReads: null,
        },
        {
          variant: `needs.queue action, ${p.label}`,
          runs,
          medianMs: median(action),
          p95Ms: p95(action),
          vsRawPage: p95(rawPage) / p95(action),
          vsRawReads: p95(reads) / p95(action),
        },
      );
    }

    // The work lists of issue #9 (items 1 and 7), on the same data and actor, as the client calls them.
    const mariadb = /mariadb/i.test(server);
    const open = ['submitted', 'dispatched', 'open_for_claim', 'accepted', 'in_progress', 'on_hold'];
    const [{ n: rare }] = await rows<{ n: number }>(c, 'SELECT COUNT(*) AS n FROM needs WHERE communityId = ? AND description LIKE ?', [
      nanjie,
      `%${RARE_WORD}%`,
    ]);
    const [shape] = await rows<Record<keyof NeedsBenchResult['shape'], number | string>>(
      c,
      `SELECT COUNT(*) AS needs, SUM(status IN (?)) AS open,
         SUM((status IN (?) AND acceptDueAt < ?) OR (status IN (?) AND resolveDueAt < ?)) AS overdue,
         SUM(status = 'submitted') AS waiting, SUM(status IN (?) AND level IN ('community', 'street')) AS escalated, ? AS rare
       FROM needs WHERE communityId = ?`,
      [open, ACCEPT_CLOCK, new Date(), RESOLVE_CLOCK, new Date(), open, rare, nanjie],
    );
    const since = new Date(Date.now() - 14 * DAY);
    // An open need of the last fortnight with others like it (same building and category, open): what 合并 is for.
    const [mergeable] = await rows<{ id: number }>(
      c,
      `SELECT n.id FROM needs n WHERE n.communityId = ? AND n.status IN (?) AND n.createdAt >= ? AND n.buildingId > 0
       AND EXISTS (SELECT 1 FROM needs m WHERE m.buildingId = n.buildingId AND m.categoryId = n.categoryId AND m.status IN (?) AND m.id <> n.id AND m.createdAt >= ?)
       ORDER BY n.id DESC LIMIT 1`,
      [nanjie, open, since, open, since],
    );
    if (!mergeable) throw new Error('no open need with merge candidates in 南街社区');
    type Data = { items?: unknown[]; nextCursor?: string | null } & Record<string, unknown>;
    const cases: { variant: (d: Data) => string; input: Record<string, unknown>; check: (d: Data) => boolean }[] = [
      {
        variant: (d) => `needs.queue action, 待处理 tab (the client's default), first page (${d.items!.length} items)`,
        input: { action: 'queue', tab: 'action', limit: PAGE },
        check: (d) => d.items!.length === PAGE,
      },
      {
        variant: (d) => `needs.queueCounts (待处理 ${d.action}, 待派单 ${d.submitted}, 全部 ${Number(d.all).toLocaleString('en-US')})`,
        input: { action: 'queueCounts' },
        check: (d) => Number(d.action) > 0,
      },
      {
        variant: (d) => `needs.queue action, q='${RARE_WORD}' (tab 全部; ${rare} rows match, ${d.items!.length} on the page)`,
        input: { action: 'queue', tab: 'all', q: RARE_WORD, limit: PAGE },
        check: (d) => d.items!.length === Math.min(PAGE, rare) && rare > 0,
      },
      {
        variant: () => `needs.queueCounts, q='${RARE_WORD}' (sent with the search)`,
        input: { action: 'queueCounts', q: RARE_WORD },
        check: (d) => Number(d.all) === rare,
      },
      {
        variant: () => `needs.queue action, q='${NO_MATCH}' (tab 全部; no row matches)`,
        input: { action: 'queue', tab: 'all', q: NO_MATCH, limit: PAGE },
        check: (d) => d.items!.length === 0,
      },
      {
        variant: () => `needs.queue action, q='#${boundary}' (tab 全部; by number)`,
        input: { action: 'queue', tab: 'all', q: `#${boundary}`, limit: PAGE },
        check: (d) => d.items!.length === 1,
      },
      {
        variant: (d) => `needs.mergeCandidates, open need #${mergeable.id} (${d.items!.length} candidates)`,
        input: { action: 'mergeCandidates', needId: mergeable.id },
        check: (d) => d.items!.length > 0,
      },
      {
        variant: (d) => `needs.ladder (升级待办), first page (${d.items!.length} items)`,
        input: { action: 'ladder', limit: PAGE },
        check: (d) => d.items!.length === Math.min(PAGE, Number(shape.escalated)),
      },
    ];
    const plans: PlanRow[] = [];
    for (const k of cases) {
      let answer: Awaited<ReturnType<typeof runAction>> | undefined;
      const sql = await needsSqlOf(ds, async () => (answer = await runAction(needActions, k.input, identity, platform)));
      if (!answer?.ok) throw new Error(`${JSON.stringify(k.input)} answered ${JSON.stringify(answer).slice(0, 300)}`);
      // mergeCandidates answers a bare list; the others a page or the counts.
      const data = (Array.isArray(answer.data) ? { items: answer.data } : answer.data) as Data;
      if (!k.check(data)) throw new Error(`${JSON.stringify(k.input)} answered ${JSON.stringify(data).slice(0, 300)}`);
      const label = k.variant(data);
      console.log(`  ${label}: ${runs} runs…`);
      const tag = String(k.input.action) + (k.input.tab ? ` ${k.input.tab}` : '') + (k.input.q ? ` q='${k.input.q}'` : '');
      if (k.input.action !== 'queue' || k.input.tab === 'action' || (k.input.q && !String(k.input.q).startsWith('#')))
        plans.push(...(await plansOf(c, tag, sql, mariadb)));
      const ms = await timeRuns(runs, () => runAction(needActions, k.input, identity, platform));
      queue.push({ variant: label, runs, medianMs: median(ms), p95Ms: percentile(ms, 95), vsRawPage: null, vsRawReads: null, p95Only: true });
    }

    console.log('  create-need through the gateway…');
    const secret = crypto.randomBytes(32).toString('hex');
    const [{ id: suggestion }] = await rows<{ id: number }>(c, "SELECT id FROM need_categories WHERE code = 'suggestion'");
    const bodies = await residentsForCreate(c, secret, suggestion);
    const gateway = createGateway({ ds, secret, demo: false });
    const base = await listen(gateway);
    let create: NeedsBenchResult['create'];
    try {
      const probe = await fetch(`${base}/api/needs`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bodies[0].token}` },
        body: bodies[0].body,
      });
      if (!probe.ok) throw new Error(`needs.create answered ${probe.status} ${(await probe.text()).slice(0, 200)}`);
      await cannonCreate(`${base}/api/needs`, bodies, 2); // warm-up
      create = await cannonCreate(`${base}/api/needs`, bodies, opts.quick ? 5 : 10);
    } finally {
      gateway.closeAllConnections();
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const shapeOf = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, Number(v)])) as NeedsBenchResult['shape'];
    return { server, needs: total, loadSeconds, explain, queue, plans, shape: shapeOf, create };
  } finally {
    await c.end().catch(() => undefined);
    await closeDataSource();
    await db.drop().catch((e) => console.error('could not drop the needs bench database:', e));
  }
}

// ---- results section of docs/benchmarks.md ----

const DOC = path.join(ROOT, 'docs', 'benchmarks.md');
const START = '<!-- bench:needs:start (written by npm run bench / tsx bench/needs-queue.ts) -->';
const END = '<!-- bench:needs:end -->';
const table = (head: string[], body: (string | number)[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

export function renderNeeds(r: NeedsBenchResult | null, quick: boolean, note = ''): string {
  const m = describeMachine();
  if (!r) return [START, '', '### Needs at city scale', '', `Not measured on ${m.date}: ${note || 'MYSQL_URL not set'}.`, '', END].join('\n');
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  return [
    START,
    '',
    `### Needs at city scale${quick ? ' (quick run: 100,000 needs, page 100, fewer runs)' : ''}`,
    '',
    `Measured ${m.date} on ${m.cores} × ${m.cpu}, Node ${m.node}; ${r.server}; ${r.needs.toLocaleString('en-US')} needs in 40 communities, loaded in ${r.loadSeconds.toFixed(0)} s. Actor: community staff of 南街社区; ${PAGE} per page.`,
    '',
    table(
      ['variant', 'runs', 'median', 'p95', 'raw page p95 ÷ p95', 'raw reads p95 ÷ p95', 'target', ''],
      r.queue.map((q) => [
        q.variant,
        q.runs,
        ms(q.medianMs),
        ms(q.p95Ms),
        q.vsRawPage === null ? '' : q.vsRawPage.toFixed(2),
        q.vsRawReads === null ? '' : q.vsRawReads.toFixed(2),
        q.p95Only ? `p95 ≤ ${QUEUE_P95_TARGET_MS} ms` : q.vsRawPage === null ? '' : `p95 ≤ ${QUEUE_P95_TARGET_MS} ms; ≥ ${QUEUE_RAW_TARGET}× raw`,
        q.p95Only
          ? `p95 ${verdict(q.p95Ms <= QUEUE_P95_TARGET_MS)}`
          : q.vsRawPage === null
            ? ''
            : `p95 ${verdict(q.p95Ms <= QUEUE_P95_TARGET_MS)}; vs raw page ${verdict(q.vsRawPage >= QUEUE_RAW_TARGET)}; vs raw reads ${verdict((q.vsRawReads ?? 0) >= QUEUE_RAW_TARGET)}`,
      ]),
    ),
    '',
    `Query plans (EXPLAIN of the page query): ${r.explain.map((e) => `${e.page} → key \`${e.key}\` (optimizer's estimate ${e.rows} rows, before the LIMIT of ${PAGE + 1})`).join('; ')}.`,
    '',
    `What the work lists find in 南街社区: ${r.shape.needs.toLocaleString('en-US')} needs, ${r.shape.open} open (${r.shape.overdue} past their deadline, ${r.shape.waiting} waiting for dispatch, ${r.shape.escalated} at 社区 or 街道 level); '${RARE_WORD}' in ${r.shape.rare} descriptions.`,
    '',
    `Query plans of the work-list reads: EXPLAIN of the statements on \`needs\` each action sent (captured from TypeORM's logger); "rows read" is MariaDB's ANALYZE of the same statement${r.plans.some((p) => p.rowsRead !== null) ? '' : ' (not available on this server)'}. "Using index" in Extra = answered from the index alone.`,
    '',
    table(
      ['action', 'access', 'key', 'rows (estimate)', 'rows read', 'Extra'],
      r.plans.map((p) => [
        p.query,
        p.access ?? '',
        p.key ? `\`${p.key}\`` : '—',
        p.rows === null ? '' : p.rows.toLocaleString('en-US'),
        p.rowsRead === null ? '' : p.rowsRead.toLocaleString('en-US'),
        p.extra ?? '',
      ]),
    ),
    '',
    table(
      ['variant', 'req/s', 'p50', 'p99', 'requests', 'failed'],
      [
        [
          `gateway needs.create, 50 connections, ${r.create.seconds} s`,
          Math.round(r.create.reqPerSec).toLocaleString('en-US'),
          `${r.create.p50Ms} ms`,
          `${r.create.p99Ms} ms`,
          r.create.requests.toLocaleString('en-US'),
          r.create.failures,
        ],
      ],
    ),
    '',
    END,
  ].join('\n');
}

export function writeNeedsSection(section: string): void {
  const doc = fs.readFileSync(DOC, 'utf8');
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error('docs/benchmarks.md has no bench:needs markers; keep the two marker comments under the "Needs" heading');
  fs.writeFileSync(DOC, `${doc.slice(0, a)}${section}${doc.slice(b + END.length)}`);
}

/** The needs part of `npm run bench`: measure (or note why not) and rewrite its section. */
export async function runNeedsBench(quick: boolean): Promise<void> {
  const url = process.env.MYSQL_URL;
  if (!url) {
    console.log('\nneeds at city scale: MYSQL_URL not set, skipped');
    writeNeedsSection(renderNeeds(null, quick));
    return;
  }
  console.log('\nneeds at city scale…');
  const r = await benchNeedsQueue(url, { quick });
  for (const q of r.queue)
    console.log(
      `  ${q.variant.padEnd(78)} median ${q.medianMs.toFixed(2)} ms  p95 ${q.p95Ms.toFixed(2)} ms${q.vsRawPage === null ? '' : `  ${q.vsRawPage.toFixed(2)}× raw page, ${q.vsRawReads!.toFixed(2)}× raw reads`}${q.p95Only ? `  (p95 ≤ ${QUEUE_P95_TARGET_MS} ms ${q.p95Ms <= QUEUE_P95_TARGET_MS ? 'met' : 'MISSED'})` : ''}`,
    );
  for (const p of r.plans) console.log(`  plan ${p.query}: ${p.access} ${p.key ?? '-'} rows ${p.rows} read ${p.rowsRead ?? '?'} ${p.extra ?? ''}`);
  console.log(`  gateway needs.create ${Math.round(r.create.reqPerSec)} req/s, p99 ${r.create.p99Ms} ms, failed ${r.create.failures}`);
  writeNeedsSection(renderNeeds(r, quick));
  console.log('  written docs/benchmarks.md (needs section)');
}

if (require.main === module) {
  runNeedsBench(process.argv.includes('--quick')).then(
    () => process.exit(0),
    (err) => {
      console.error('needs bench failed:', err instanceof Error ? err.stack : err);
      process.exit(1);
    },
  );
}
