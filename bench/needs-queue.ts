/**
 * Needs at city scale (MySQL only): a throw-away database with the demo city grown to 40
 * communities and 1,000,000 needs, then
 * - the dispatch queue (needs.queue) of a community_staff actor, first page and page 1,000, run
 *   through the action wrapper (runAction: validation, actor, scope, keyset query, presenter),
 *   next to the same page query in raw SQL over mysql2 and next to the same reads in raw SQL;
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
  /** raw p95 / action p95 (1 = as fast as raw); null on the raw rows. */
  vsRawPage: number | null;
  vsRawReads: number | null;
}
export interface NeedsBenchResult {
  server: string;
  needs: number;
  loadSeconds: number;
  explain: { page: string; key: string | null; rows: number | null }[];
  queue: LatencyRow[];
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

// Where needs end up (BRIEF §5), in per-mille: mostly closed, a working set still open.
const STATUS_MIX: [string, number][] = [
  ['submitted', 40],
  ['dispatched', 30],
  ['open_for_claim', 15],
  ['accepted', 25],
  ['in_progress', 30],
  ['on_hold', 5],
  ['resolved', 45],
  ['closed', 730],
  ['rejected', 40],
  ['cancelled', 25],
  ['merged', 15],
];
const statusAt = (permille: number) => {
  let acc = 0;
  for (const [s, n] of STATUS_MIX) if (permille < (acc += n)) return s;
  return 'closed';
};

/** 1,000,000 needs over a year: community i % 40, then round-robin over that community's households. */
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
  const categories = await rows<{ id: number; list: string }>(c, 'SELECT id, list FROM need_categories ORDER BY id');
  const [reporter] = await rows<{ id: number }>(c, 'SELECT id FROM users WHERE openid = ?', [demoOpenid('resident')]);
  const start = Date.now() - 365 * 24 * 3600 * 1000;
  const step = (365 * 24 * 3600 * 1000) / total;
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
      const cat = categories[i % categories.length];
      const status = statusAt((i * 37) % 1000);
      const created = new Date(start + i * step);
      const responded = ['submitted', 'dispatched', 'open_for_claim', 'rejected', 'cancelled', 'merged'].includes(status)
        ? null
        : new Date(created.getTime() + 40 * 60_000);
      const resolved = status === 'resolved' || status === 'closed' ? new Date(created.getTime() + 26 * 3600_000) : null;
      const level = i % 10 === 0 ? 'compound' : i % 50 === 0 ? 'community' : 'building';
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
        `压测需求 #${i}`,
        '',
        '压测居民',
        '10000000000',
        status,
        level,
        ['submitted', 'open_for_claim'].includes(status) ? null : h.firm,
        new Date(created.getTime() + 4 * 3600_000),
        responded ? new Date(created.getTime() + 48 * 3600_000) : null,
        responded,
        resolved,
        ['closed', 'rejected', 'cancelled', 'merged'].includes(status) ? new Date(created.getTime() + 30 * 3600_000) : null,
        status === 'closed' && i % 3 ? 3 + (i % 3) : null,
        level === 'building' ? 0 : 1,
        created,
        created,
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
    return { server, needs: total, loadSeconds, explain, queue, create };
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
        q.vsRawPage === null ? '' : `p95 ≤ ${QUEUE_P95_TARGET_MS} ms; ≥ ${QUEUE_RAW_TARGET}× raw`,
        q.vsRawPage === null
          ? ''
          : `p95 ${verdict(q.p95Ms <= QUEUE_P95_TARGET_MS)}; vs raw page ${verdict(q.vsRawPage >= QUEUE_RAW_TARGET)}; vs raw reads ${verdict((q.vsRawReads ?? 0) >= QUEUE_RAW_TARGET)}`,
      ]),
    ),
    '',
    `Query plans (EXPLAIN of the page query): ${r.explain.map((e) => `${e.page} → key \`${e.key}\` (optimizer's estimate ${e.rows} rows, before the LIMIT of ${PAGE + 1})`).join('; ')}.`,
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
      `  ${q.variant.padEnd(58)} median ${q.medianMs.toFixed(2)} ms  p95 ${q.p95Ms.toFixed(2)} ms${q.vsRawPage === null ? '' : `  ${q.vsRawPage.toFixed(2)}× raw page, ${q.vsRawReads!.toFixed(2)}× raw reads`}`,
    );
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
