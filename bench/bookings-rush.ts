/**
 * The lunch rush (issue #7): 2,000 bookings for one sitting of 300 dine-in seats at
 * 南街社区日间照料中心, 50 at a time, through the HTTP gateway (`POST /api/bookings {action:'book'}`
 * as the seeded care staff), next to a bare loop on the same tables in the same run:
 *   - MariaDB/MySQL (MYSQL_URL): a `mysql2/promise` pool of 10, per booking `BEGIN; UPDATE
 *     booking_slots SET heldDineIn = heldDineIn + 1 WHERE id = ? AND heldDineIn < capacityDineIn;
 *     INSERT INTO bookings … (only if the update hit); COMMIT`, 50 at a time, no HTTP;
 *   - SQLite: the same two statements with better-sqlite3 prepared statements on a second handle.
 * Each database is fresh (migrated, demo city seeded); every round books a fresh sitting published
 * through the real `bookings.saveSlot` action, for 2,000 walk-in elders bulk-inserted as
 * `registerElder` leaves them. Afterwards SQL checks each sitting: booked rows, the counter, rows
 * that hold a seat, oversold = max(0, booked − seats).
 *
 * A third variant puts the same raw booking behind a bare node:http handler (token check, JSON
 * body, envelope): the yardstick of issue #17, since it shares HTTP and the load client with the
 * gateway and only our code differs. The HTTP load runs in a child process (a small keep-alive
 * client, one body per request) so that it does not share the servers' event loop.
 *
 * The waitlist variants (issue #17) send the same rush with one request in four asking for a
 * waitlist place (`waitlist: true`), as a new user would through the API: through the gateway and
 * through the bare handler, whose raw booking inserts a waitlisted row when the seat update misses.
 * After one warm-up rush of each variant, the rounds change the order of the five every round.
 *
 * `tsx bench/bookings-rush.ts [--quick]` runs it alone and rewrites only its section of
 * docs/benchmarks.md; `npm run bench` runs it last (`--skip-bookings` leaves it out).
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
import { BOOKINGS_SETTINGS_DEFAULTS, priceFor } from '@hg/types';
import { createGateway } from '../cloud/gateway/server';
import { signSession, verifySession } from '../cloud/gateway/session';
import { runAction } from '../cloud/src/core/action';
import { buildOptions, closeDataSource, migrate, setDataSource } from '../cloud/src/core/data-source';
import { localPlatform } from '../cloud/src/core/platform';
import { bookingActions } from '../cloud/src/modules/bookings';
import { newCode } from '../cloud/src/modules/bookings/booking-flow';
import { localDay, localTime, localYear } from '@hg/types/local-time';
import { demoOpenid } from '../cloud/src/seed/demo-data';
import { seedDemo } from '../cloud/src/seed/seed';
import { ROOT, tempMysql, tempSqlite, type TempDatabase } from '../scripts/lib/cloud-harness';
import { describeMachine, type Machine } from './machine';
import { median, percentile } from './stats';

/**
 * Issue #17's bounds, for the plain rush and for the waitlist variant alike: on MySQL the gateway
 * at ≥ 0.6 × the same raw booking behind a bare node:http handler (same HTTP, same load client, so
 * only our code differs), and the median over the rounds of (gateway p99 ÷ bare p99) ≤ 2; SQLite
 * is recorded; nobody seated beyond capacity anywhere. (Issue #7's ÷ raw loop is shown too.)
 */
export const RUSH_HTTP_TARGET = 0.6;
export const RUSH_P99_RATIO_TARGET = 2;
const CENTRE = '南街社区日间照料中心';
const STAFF = demoOpenid('care_staff');
const CONNECTIONS = 50;
const PRICE_FEN = 1200;
const ELDER_BIRTH_YEAR = 1940;

interface RushSize {
  seats: number;
  requests: number;
  rounds: number;
}
const FULL: RushSize = { seats: 300, requests: 2000, rounds: 3 };
const QUICK: RushSize = { seats: 300, requests: 2000, rounds: 1 };
const WARM_UP: RushSize = { seats: 50, requests: 300, rounds: 1 };

/** One rush on one sitting: the answers as the caller saw them, then what SQL finds. */
export interface RushRun {
  ms: number;
  latencies: number[];
  /** The answer of each request, in the order of `latencies`. */
  kinds: string[];
  answers: Record<string, number>;
  check: SeatCheck;
}
export interface SeatCheck {
  seats: number;
  booked: number;
  /** Rows on the waitlist. */
  waitlisted: number;
  held: number;
  /** Rows that hold a seat (booked, offered, redeemed, no-show). */
  holding: number;
  oversold: number;
}
/** The five variants: the plain rush three ways, and the rush with one request in four asking for the waitlist two ways. */
export type RushKind = 'gateway' | 'raw' | 'raw-http' | 'gateway-wl' | 'raw-http-wl';
export interface RushRow {
  variant: string;
  kind: RushKind;
  db: string;
  rounds: number;
  requests: number;
  /** All requests ÷ all rush time. */
  reqPerSec: number;
  /** Median of the rounds' p50; the worst round's p99. */
  p50Ms: number;
  p99Ms: number;
  /** The same over the seated (ok) answers only. */
  okP50Ms: number;
  okP99Ms: number;
  ok: number;
  full: number;
  /** Answered with a waitlist place. */
  waitlisted: number;
  other: Record<string, number>;
  /** Summed over the rounds. */
  booked: number;
  seats: number;
  oversold: number;
  /** Every round: counter = rows holding a seat. */
  counterMatches: boolean;
  perRound: { reqPerSec: number; p50Ms: number; p99Ms: number; okP50Ms: number; okP99Ms: number }[];
}
export interface RushResult {
  machine: Machine;
  loadAfter: number;
  size: RushSize;
  dbs: { label: string; server: string; rows: RushRow[]; vsRaw: number; pairs: PairRatio[] }[];
}
/** Issue #17's two bounds for a gateway variant against its bare-handler twin. */
export interface PairRatio {
  label: string;
  /** gateway req/s ÷ bare-handler req/s over all rounds. */
  vsRawHttp: number;
  /** Median over the rounds of (gateway p99 ÷ bare-handler p99) in the same round. */
  p99Ratio: number;
}

// ---- the database ----

interface Setup {
  db: TempDatabase;
  ds: DataSource;
  server: string;
  centreId: number;
  staffId: number;
  elders: number[];
  /** Publish a fresh lunch or dinner sitting through bookings.saveSlot; returns its id. */
  sitting(seats: number): Promise<number>;
}

async function one<T>(ds: DataSource, sql: string, params: unknown[] = []): Promise<T> {
  const rows = (await ds.query(sql, params)) as T[];
  return rows[0];
}

async function prepare(db: TempDatabase, people: number): Promise<Setup> {
  const ds = new DataSource(buildOptions({ ...db.env }));
  await ds.initialize();
  await migrate(ds);
  await seedDemo(ds);
  // Actions reach the database through the process-wide DataSource; point it at this one.
  setDataSource(ds);
  const server =
    db.kind === 'mysql'
      ? String((await one<{ v: string }>(ds, 'SELECT VERSION() AS v')).v)
      : `SQLite ${(await one<{ v: string }>(ds, 'SELECT sqlite_version() AS v')).v} (better-sqlite3, WAL)`;
  const centre = await one<{ id: number; communityId: number }>(ds, 'SELECT id, communityId FROM organisations WHERE name = ?', [CENTRE]);
  if (!centre) throw new Error(`the demo seed has no ${CENTRE}`);
  const centreId = Number(centre.id);
  const { streetId } = await one<{ streetId: number }>(ds, 'SELECT streetId FROM communities WHERE id = ?', [centre.communityId]);
  const staffId = Number((await one<{ id: number }>(ds, 'SELECT id FROM users WHERE openid = ?', [STAFF])).id);

  // Walk-in elders as registerElder leaves them when staff register someone without an account.
  const createdAt = new Date().toISOString().replace('T', ' ').replace('Z', '');
  for (let i = 0; i < people; i += 500) {
    const rows = Array.from({ length: Math.min(500, people - i) }, (_, k) => [
      centreId,
      streetId,
      centre.communityId,
      `抢餐${i + k}`,
      ELDER_BIRTH_YEAR,
      '',
      '',
      staffId,
      createdAt,
    ]);
    await ds.query(
      `INSERT INTO elders (centreId, streetId, communityId, name, birthYear, address, diets, createdById, createdAt, allergies, livesAlone, dibao) VALUES ${rows.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0, 0)").join(', ')}`,
      rows.flat(),
    );
  }
  const got = (await ds.query("SELECT id FROM elders WHERE centreId = ? AND name LIKE '抢餐%' ORDER BY id", [centreId])) as { id: number }[];
  const elders = got.map((r) => Number(r.id));
  if (elders.length !== people) throw new Error(`inserted ${elders.length} elders, wanted ${people}`);

  // One lunch and one dinner a day per centre: walk the days from tomorrow on.
  let next = 0;
  const sitting = async (seats: number): Promise<number> => {
    for (;;) {
      const n = next++;
      const day = localDay(new Date(Date.now() + (1 + Math.floor(n / 2)) * 24 * 3600 * 1000));
      const meal = n % 2 ? 'dinner' : 'lunch';
      const [start, end, cutoff] = meal === 'lunch' ? ['11:30', '12:30', '09:30'] : ['17:00', '18:00', '15:00'];
      const res = await runAction(
        bookingActions,
        {
          action: 'saveSlot',
          centreId,
          kind: 'meal',
          day,
          sitting: meal,
          startsAt: localTime(day, start).toISOString(),
          endsAt: localTime(day, end).toISOString(),
          cutoffAt: localTime(day, cutoff).toISOString(),
          capacityDineIn: seats,
          capacityDelivery: 0,
          priceFen: PRICE_FEN,
          dishes: [
            { name: '番茄炒蛋', tags: ['软烂'] },
            { name: '冬瓜排骨汤', tags: ['低盐'] },
          ],
        },
        { openid: STAFF },
        localPlatform('http://bench.local/'),
      );
      if (res.ok) return (res.data as { id: number }).id;
      if (res.error.code !== 'CONFLICT') throw new Error(`saveSlot answered ${JSON.stringify(res.error)}`);
    }
  };
  return { db, ds, server, centreId, staffId, elders, sitting };
}

async function checkSeats(ds: DataSource, slotId: number): Promise<SeatCheck> {
  const slot = await one<{ heldDineIn: number; capacityDineIn: number }>(ds, 'SELECT heldDineIn, capacityDineIn FROM booking_slots WHERE id = ?', [slotId]);
  const booked = await one<{ n: number }>(ds, "SELECT COUNT(*) AS n FROM bookings WHERE slotId = ? AND status = 'booked'", [slotId]);
  const waiting = await one<{ n: number }>(ds, "SELECT COUNT(*) AS n FROM bookings WHERE slotId = ? AND status = 'waitlisted'", [slotId]);
  const holding = await one<{ n: number }>(
    ds,
    "SELECT COUNT(*) AS n FROM bookings WHERE slotId = ? AND status IN ('booked', 'offered', 'redeemed', 'no_show')",
    [slotId],
  );
  const seats = Number(slot.capacityDineIn);
  return {
    seats,
    booked: Number(booked.n),
    waitlisted: Number(waiting.n),
    held: Number(slot.heldDineIn),
    holding: Number(holding.n),
    oversold: Math.max(0, Number(booked.n) - seats),
  };
}

const rid = (tag: string, i: number) => `${tag}-${i}-${crypto.randomBytes(4).toString('hex')}`;

// ---- the gateway, loaded from a child process ----

/** Plain JS run with `node -e`: reads {url, token, bodies, connections} on stdin, prints the timings. */
const CLIENT = String.raw`
const http = require('node:http');
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', async () => {
  const { url, token, bodies, connections } = JSON.parse(input);
  const u = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const post = (body) => new Promise((resolve) => {
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Authorization: 'Bearer ' + token } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        try { const e = JSON.parse(text); resolve(e.ok ? (e.data && e.data.status === 'waitlisted' ? 'waitlisted' : 'ok') : String(e.error && e.error.code)); } catch { resolve('HTTP_' + res.statusCode); }
      });
    });
    req.on('error', (e) => resolve('NETWORK_' + (e.code || 'ERROR')));
    req.end(body);
  });
  const latencies = new Array(bodies.length);
  const kinds = new Array(bodies.length);
  const answers = {};
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, async () => {
    for (let i = next++; i < bodies.length; i = next++) {
      const s = performance.now();
      const a = await post(bodies[i]);
      latencies[i] = performance.now() - s;
      kinds[i] = a;
      answers[a] = (answers[a] || 0) + 1;
    }
  }));
  const ms = performance.now() - t0;
  agent.destroy();
  process.stdout.write(JSON.stringify({ ms, latencies, kinds, answers }));
});
`;

function runClient(url: string, token: string, bodies: string[]): Promise<Omit<RushRun, 'check'>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CLIENT], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`rush client exited ${code}: ${err.trim()}`));
      try {
        resolve(JSON.parse(out) as Omit<RushRun, 'check'>);
      } catch {
        reject(new Error(`rush client printed no JSON: ${out.slice(0, 200)} ${err.slice(0, 200)}`));
      }
    });
    child.stdin.end(JSON.stringify({ url, token, bodies, connections: CONNECTIONS }));
  });
}

/** In the waitlist variants, every fourth request asks for a waitlist place when the sitting is full. */
const asksWaitlist = (i: number) => i % 4 === 3;

async function httpRush(s: Setup, url: string, token: string, size: RushSize, tag: string, withWaitlist = false): Promise<RushRun> {
  const slotId = await s.sitting(size.seats);
  const bodies = s.elders
    .slice(0, size.requests)
    .map((elderId, i) =>
      JSON.stringify({
        action: 'book',
        slotId,
        elderId,
        mode: 'dine_in',
        requestId: rid(tag, i),
        ...(withWaitlist && asksWaitlist(i) ? { waitlist: true } : {}),
      }),
    );
  const r = await runClient(url, token, bodies);
  return { ...r, check: await checkSeats(s.ds, slotId) };
}

// ---- the raw loops ----

/** `workers` at a time over `n` jobs, each timed from its start (pool waits included). */
async function loop(n: number, workers: number, job: (i: number) => Promise<string>): Promise<Omit<RushRun, 'check'>> {
  const latencies = new Array<number>(n);
  const kinds = new Array<string>(n);
  const answers: Record<string, number> = {};
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let i = next++; i < n; i = next++) {
        const s = performance.now();
        let a: string;
        try {
          a = await job(i);
        } catch (err) {
          a = (err as { code?: string }).code ?? 'ERROR';
        }
        latencies[i] = performance.now() - s;
        kinds[i] = a;
        answers[a] = (answers[a] ?? 0) + 1;
      }
    }),
  );
  return { ms: performance.now() - t0, latencies, kinds, answers };
}

const INSERT_COLUMNS = [
  'slotId',
  'centreId',
  'elderId',
  'mode',
  'status',
  'activeKey',
  'code',
  'requestId',
  'bookedById',
  'channel',
  'priceFen',
  'subsidyFen',
  'payFen',
  'tier',
  'waitlistedAt',
  'createdAt',
  'updatedAt',
];
const INSERT_SQL = `INSERT INTO bookings (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')})`;
const UPDATE_SQL = 'UPDATE booking_slots SET heldDineIn = heldDineIn + 1 WHERE id = ? AND heldDineIn < capacityDineIn';

function bookingValues(s: Setup, slotId: number, elderId: number, requestId: string, now: Date | string, waitlisted = false): unknown[] {
  const price = priceFor(
    PRICE_FEN,
    { birthYear: ELDER_BIRTH_YEAR, livesAlone: false, dibao: false, tekun: false, verified: true },
    localYear(new Date()),
    BOOKINGS_SETTINGS_DEFAULTS,
  );
  return [
    slotId,
    s.centreId,
    elderId,
    'dine_in',
    waitlisted ? 'waitlisted' : 'booked',
    `${slotId}:${elderId}`,
    newCode(),
    requestId,
    s.staffId,
    'staff',
    price.priceFen,
    price.subsidyFen,
    price.payFen,
    price.tier,
    waitlisted ? now : null,
    now,
    now,
  ];
}

/**
 * One booking the bare way: take a seat with the conditional UPDATE, insert the row if it hit; with
 * `waitlist`, a miss inserts a waitlisted row instead.
 */
type RawAnswer = 'ok' | 'waitlisted' | 'CAPACITY_FULL';
interface RawBooker {
  book(slotId: number, elderId: number, requestId: string, waitlist?: boolean): Promise<RawAnswer>;
  end(): Promise<void>;
}

/** A `mysql2/promise` pool of 10 (TypeORM's size here): BEGIN; UPDATE; INSERT only if it hit; COMMIT. */
function mysqlBooker(s: Setup, url: string): RawBooker {
  const pool = mysql.createPool({ uri: url.replace(/^mariadb:/, 'mysql:'), timezone: 'Z', connectionLimit: 10 });
  return {
    async book(slotId, elderId, requestId, waitlist = false) {
      const c = await pool.getConnection();
      try {
        await c.query('BEGIN');
        const [res] = await c.query(UPDATE_SQL, [slotId]);
        const seated = (res as mysql.ResultSetHeader).affectedRows === 1;
        if (!seated && !waitlist) {
          await c.query('ROLLBACK');
          return 'CAPACITY_FULL';
        }
        await c.query(INSERT_SQL, bookingValues(s, slotId, elderId, requestId, new Date(), !seated));
        await c.query('COMMIT');
        return seated ? 'ok' : 'waitlisted';
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        c.release();
      }
    },
    end: () => pool.end(),
  };
}

/** The few better-sqlite3 calls used here (the project has no @types/better-sqlite3). */
interface Stmt {
  run(...params: unknown[]): { changes: number };
}
interface SqliteDb {
  pragma(s: string): unknown;
  prepare(sql: string): Stmt;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  close(): void;
}
const Database = require('better-sqlite3') as new (file: string) => SqliteDb;

/** TypeORM's format for datetime columns on SQLite (UTC, milliseconds). */
const sqliteTime = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/** A second better-sqlite3 handle on the same file: prepared UPDATE + INSERT in one transaction. */
function sqliteBooker(s: Setup, file: string): RawBooker {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  const update = db.prepare(UPDATE_SQL);
  const insert = db.prepare(INSERT_SQL);
  const book = db.transaction((slotId: number, elderId: number, requestId: string, waitlist: boolean): RawAnswer => {
    const seated = update.run(slotId).changes === 1;
    if (!seated && !waitlist) return 'CAPACITY_FULL';
    insert.run(...bookingValues(s, slotId, elderId, requestId, sqliteTime(new Date()), !seated));
    return seated ? 'ok' : 'waitlisted';
  });
  return {
    // better-sqlite3 is synchronous: each booking yields once, so the 50 workers take turns.
    book: async (slotId, elderId, requestId, waitlist = false) => {
      await null;
      return book(slotId, elderId, requestId, waitlist);
    },
    end: async () => db.close(),
  };
}

/** The raw loop: 50 at a time in this process, no HTTP. */
async function rawLoopRush(s: Setup, booker: RawBooker, size: RushSize, tag: string): Promise<RushRun> {
  const slotId = await s.sitting(size.seats);
  const elders = s.elders.slice(0, size.requests);
  const r = await loop(elders.length, CONNECTIONS, (i) => booker.book(slotId, elders[i], rid(tag, i)));
  return { ...r, check: await checkSeats(s.ds, slotId) };
}

/**
 * The same raw booking behind a bare node:http handler (bearer token check, JSON body, the
 * gateway's envelope), loaded by the same client as the gateway: how much of the gap is HTTP and
 * the client sharing the two cores, and how much is ours.
 */
function rawServer(booker: RawBooker, secret: string): http.Server {
  const reply = (res: http.ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  };
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
      if (!m || !verifySession(secret, m[1])) return reply(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
      let e: { slotId: number; elderId: number; requestId: string; waitlist?: boolean };
      try {
        e = JSON.parse(Buffer.concat(chunks).toString()) as typeof e;
      } catch {
        return reply(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求格式错误' } });
      }
      booker.book(e.slotId, e.elderId, e.requestId, e.waitlist === true).then(
        (a) =>
          a === 'CAPACITY_FULL'
            ? reply(res, 200, { ok: false, error: { code: a, message: '名额已满' } })
            : reply(res, 200, { ok: true, data: { slotId: e.slotId, elderId: e.elderId, status: a === 'ok' ? 'booked' : 'waitlisted' } }),
        () => reply(res, 500, { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用' } }),
      );
    });
  });
}

// ---- one database ----

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function summarise(variant: string, kind: RushRow['kind'], db: string, runs: RushRun[]): RushRow {
  const requests = runs.reduce((n, r) => n + r.latencies.length, 0);
  const answers: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.answers)) answers[k] = (answers[k] ?? 0) + v;
  const { ok = 0, CAPACITY_FULL: full = 0, waitlisted = 0, ...other } = answers;
  const perRound = runs.map((r) => {
    const seated = r.latencies.filter((_, i) => r.kinds[i] === 'ok');
    return {
      reqPerSec: (r.latencies.length / r.ms) * 1000,
      p50Ms: percentile(r.latencies, 50),
      p99Ms: percentile(r.latencies, 99),
      okP50Ms: percentile(seated, 50),
      okP99Ms: percentile(seated, 99),
    };
  });
  return {
    variant,
    kind,
    db,
    rounds: runs.length,
    requests,
    reqPerSec: (requests / runs.reduce((n, r) => n + r.ms, 0)) * 1000,
    p50Ms: median(perRound.map((p) => p.p50Ms)),
    p99Ms: Math.max(...perRound.map((p) => p.p99Ms)),
    okP50Ms: median(perRound.map((p) => p.okP50Ms)),
    okP99Ms: Math.max(...perRound.map((p) => p.okP99Ms)),
    ok,
    full,
    waitlisted,
    other,
    booked: runs.reduce((n, r) => n + r.check.booked, 0),
    seats: runs.reduce((n, r) => n + r.check.seats, 0),
    oversold: runs.reduce((n, r) => n + r.check.oversold, 0),
    counterMatches: runs.every((r) => r.check.held === r.check.holding),
    perRound,
  };
}

const KINDS: readonly RushKind[] = ['gateway', 'raw', 'raw-http', 'gateway-wl', 'raw-http-wl'];
const VARIANT_NAME = (what: string): Record<RushKind, string> => ({
  raw: `raw loop, no HTTP (${what})`,
  'raw-http': 'raw behind bare node:http (same client as the gateway)',
  gateway: 'gateway POST /api/bookings book',
  'raw-http-wl': 'raw behind bare node:http, ¼ asking for the waitlist',
  'gateway-wl': 'gateway book, ¼ asking for the waitlist',
});

/** Issue #17's bounds for one gateway variant against its bare-handler twin, round by round. */
function pairRatio(label: string, gateway: RushRow, bare: RushRow): PairRatio {
  return {
    label,
    vsRawHttp: gateway.reqPerSec / bare.reqPerSec,
    p99Ratio: median(gateway.perRound.map((g, i) => g.p99Ms / bare.perRound[i].p99Ms)),
  };
}

async function rushOn(db: TempDatabase, size: RushSize): Promise<RushResult['dbs'][number]> {
  const s = await prepare(db, size.requests);
  const secret = crypto.randomBytes(32).toString('hex');
  const { token } = signSession(secret, STAFF);
  // demo: true, because the token is the seeded demo care staff's (the gateway refuses demo sessions otherwise).
  const gateway = createGateway({ ds: s.ds, secret, demo: true });
  const url = `${await listen(gateway)}/api/bookings`;
  const booker = db.kind === 'mysql' ? mysqlBooker(s, db.env.MYSQL_URL) : sqliteBooker(s, db.env.SQLITE_PATH);
  const bare = rawServer(booker, secret);
  const bareUrl = `${await listen(bare)}/api/bookings`;
  const rush = (which: RushKind, sz: RushSize, tag: string) => {
    switch (which) {
      case 'gateway':
        return httpRush(s, url, token, sz, tag);
      case 'gateway-wl':
        return httpRush(s, url, token, sz, tag, true);
      case 'raw':
        return rawLoopRush(s, booker, sz, tag);
      case 'raw-http':
        return httpRush(s, bareUrl, token, sz, tag);
      case 'raw-http-wl':
        return httpRush(s, bareUrl, token, sz, tag, true);
    }
  };
  try {
    // Warm-up: JIT, pool connections, page cache — a small rush of each on its own sitting.
    for (const which of KINDS) {
      const w = await rush(which, WARM_UP, `w${which}`);
      if (w.answers.ok !== WARM_UP.seats) throw new Error(`warm-up (${which}) on ${db.label} answered ${JSON.stringify(w.answers)}`);
    }
    const runs = new Map<RushKind, RushRun[]>(KINDS.map((k) => [k, []]));
    for (let i = 0; i < size.rounds; i++) {
      // A different order every round, so that a burst of other work does not always hit the same one.
      const order = KINDS.map((_, k) => KINDS[(k + i) % KINDS.length]);
      for (const which of i % 2 ? order.reverse() : order) {
        const run = await rush(which, size, `${which}${i}`);
        runs.get(which)!.push(run);
        console.log(
          `  ${db.label} round ${i + 1} ${which.padEnd(8)} ${((run.latencies.length / run.ms) * 1000).toFixed(0).padStart(5)} req/s  p50 ${percentile(run.latencies, 50).toFixed(1)} ms  p99 ${percentile(run.latencies, 99).toFixed(1)} ms  ${JSON.stringify(run.answers)}  booked ${run.check.booked}/${run.check.seats}, waitlisted ${run.check.waitlisted}, counter ${run.check.held}, holding ${run.check.holding}`,
        );
      }
    }
    const what = db.kind === 'mysql' ? 'mysql2 pool of 10, BEGIN/UPDATE/INSERT/COMMIT' : 'better-sqlite3, prepared UPDATE + INSERT in a transaction';
    const names = VARIANT_NAME(what);
    const row = (k: RushKind) => summarise(names[k], k, db.label, runs.get(k)!);
    const rows = (['raw', 'raw-http', 'gateway', 'raw-http-wl', 'gateway-wl'] as const).map(row);
    const of = (k: RushKind) => rows.find((x) => x.kind === k)!;
    return {
      label: db.label,
      server: s.server,
      rows,
      vsRaw: of('gateway').reqPerSec / of('raw').reqPerSec,
      pairs: [pairRatio('plain rush', of('gateway'), of('raw-http')), pairRatio('¼ asking for the waitlist', of('gateway-wl'), of('raw-http-wl'))],
    };
  } finally {
    for (const server of [gateway, bare]) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await booker.end().catch(() => undefined);
    await closeDataSource();
  }
}

export async function benchBookingsRush(opts: { quick?: boolean } = {}): Promise<RushResult> {
  const size = opts.quick ? QUICK : FULL;
  const machine = describeMachine();
  const out: RushResult['dbs'] = [];
  const targets: (() => Promise<TempDatabase>)[] = [];
  if (process.env.MYSQL_URL) targets.push(() => tempMysql(process.env.MYSQL_URL!, 'hg_bench_bookings'));
  else console.log('  MYSQL_URL not set: the MySQL rush is skipped');
  targets.push(async () => tempSqlite());
  for (const make of targets) {
    const db = await make();
    try {
      out.push(await rushOn(db, size));
    } finally {
      await db.drop().catch((e) => console.error(`could not drop the ${db.label} bookings bench database:`, e));
    }
  }
  return { machine, loadAfter: Math.round(os.loadavg()[0] * 100) / 100, size, dbs: out };
}

// ---- results section of docs/benchmarks.md ----

const DOC = path.join(ROOT, 'docs', 'benchmarks.md');
const START = '<!-- bench:bookings:start (written by npm run bench / tsx bench/bookings-rush.ts) -->';
const END = '<!-- bench:bookings:end -->';
const table = (head: string[], body: (string | number)[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
const num = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => `${n.toFixed(1)} ms`;
const others = (o: Record<string, number>) =>
  Object.keys(o).length
    ? Object.entries(o)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')
    : '0';

export function renderBookings(r: RushResult | null, quick: boolean): string {
  if (!r) return [START, '', '### Bookings rush', '', 'Not measured.', '', END].join('\n');
  const m = r.machine;
  const lines = [
    START,
    '',
    `### Bookings rush${quick ? ' (quick run: one round, not for the record)' : ''}`,
    '',
    `Measured ${m.date} on ${m.cores} × ${m.cpu}, Node ${m.node}; load average ${m.load} at the start, ${r.loadAfter} at the end (other work on the machine). ${r.dbs.map((d) => `${d.label}: ${d.server}`).join('; ')}. Each round: ${num(r.size.requests)} bookings for a fresh sitting of ${r.size.seats} dine-in seats, ${CONNECTIONS} at a time; ${r.size.rounds} round${r.size.rounds > 1 ? 's' : ''} of each after a warm-up (${WARM_UP.requests} for ${WARM_UP.seats} seats), the order changing every round; in the two waitlist variants every fourth request asks for a waitlist place (\`waitlist: true\`) and the bare handler's raw booking inserts a waitlisted row when its seat update misses. req/s = all requests ÷ all rush time; p50 = median of the rounds' p50; p99 = the worst round's p99; "seated" = the same over the answers that got a seat. "booked" and "oversold" are what SQL finds afterwards, summed over the rounds.`,
    '',
    table(
      [
        'database',
        'variant',
        'requests',
        'req/s',
        'p50',
        'p99',
        'seated p50 / p99',
        'ok',
        'CAPACITY_FULL',
        'waitlisted',
        'other',
        'booked / seats',
        'oversold',
        'counter = seat rows',
      ],
      r.dbs.flatMap((d) =>
        d.rows.map((x) => [
          d.label,
          x.kind === 'gateway' ? `**${x.variant}**` : x.variant,
          num(x.requests),
          num(x.reqPerSec),
          ms(x.p50Ms),
          ms(x.p99Ms),
          `${ms(x.okP50Ms)} / ${ms(x.okP99Ms)}`,
          num(x.ok),
          num(x.full),
          num(x.waitlisted),
          others(x.other),
          `${num(x.booked)} / ${num(x.seats)}`,
          x.oversold,
          x.counterMatches ? 'yes' : '**no**',
        ]),
      ),
    ),
    '',
    table(
      [
        'database',
        'variant',
        'gateway ÷ bare handler req/s',
        `target ≥ ${RUSH_HTTP_TARGET}×`,
        '',
        'median of round p99 ratios',
        `target ≤ ${RUSH_P99_RATIO_TARGET}`,
        '',
        'gateway ÷ raw loop req/s (issue #7)',
        'oversold',
        'target 0',
        'every seat taken, counter = rows',
      ],
      r.dbs.flatMap((d) =>
        d.pairs.map((p, i) => {
          const g = d.rows.find((x) => x.kind === (i === 0 ? 'gateway' : 'gateway-wl'))!;
          const exact = d.rows.every((x) => x.booked === x.seats && x.counterMatches && Object.keys(x.other).length === 0);
          const recordOnly = d.label === 'SQLite';
          return [
            d.label,
            p.label,
            p.vsRawHttp.toFixed(2),
            recordOnly ? 'record only' : '',
            recordOnly ? '' : verdict(p.vsRawHttp >= RUSH_HTTP_TARGET),
            p.p99Ratio.toFixed(2),
            recordOnly ? 'record only' : '',
            recordOnly ? '' : verdict(p.p99Ratio <= RUSH_P99_RATIO_TARGET),
            i === 0 ? d.vsRaw.toFixed(2) : '',
            g.oversold,
            verdict(d.rows.every((x) => x.oversold === 0)),
            exact ? 'yes' : '**no**',
          ];
        }),
      ),
    ),
    '',
    `Per round (req/s, p50, p99): ${r.dbs
      .flatMap((d) =>
        d.rows.map(
          (x) => `${d.label} ${x.kind}: ${x.perRound.map((p) => `${num(p.reqPerSec)} / ${p.p50Ms.toFixed(0)} / ${p.p99Ms.toFixed(0)} ms`).join('; ')}`,
        ),
      )
      .join(' — ')}.`,
    '',
    END,
  ];
  return lines.join('\n');
}

export function writeBookingsSection(section: string): void {
  const doc = fs.readFileSync(DOC, 'utf8');
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error('docs/benchmarks.md has no bench:bookings markers; keep the two marker comments under the "Bookings" heading');
  fs.writeFileSync(DOC, `${doc.slice(0, a)}${section}${doc.slice(b + END.length)}`);
}

/** The bookings part of `npm run bench`: measure and rewrite its section. */
export async function runBookingsBench(quick: boolean): Promise<RushResult> {
  console.log('\nbookings rush…');
  const r = await benchBookingsRush({ quick });
  for (const d of r.dbs) {
    for (const x of d.rows)
      console.log(
        `  ${`${x.variant}, ${d.label}`.padEnd(72)} ${num(x.reqPerSec).padStart(6)} req/s  p50 ${ms(x.p50Ms)}  p99 ${ms(x.p99Ms)}  seated p50 ${ms(x.okP50Ms)} p99 ${ms(x.okP99Ms)}  ok ${x.ok}  full ${x.full}  waitlisted ${x.waitlisted}  other ${others(x.other)}  booked ${x.booked}/${x.seats}  oversold ${x.oversold}  counter ${x.counterMatches ? '=' : '≠'} rows`,
      );
    for (const p of d.pairs)
      console.log(
        `  ${d.label}, ${p.label}: gateway ÷ bare handler ${p.vsRawHttp.toFixed(2)} (target ≥ ${RUSH_HTTP_TARGET}), median p99 ratio ${p.p99Ratio.toFixed(2)} (target ≤ ${RUSH_P99_RATIO_TARGET})`,
      );
    console.log(`  ${d.label}: gateway ÷ raw loop ${d.vsRaw.toFixed(2)}, oversold ${d.rows.reduce((n, x) => n + x.oversold, 0)}`);
  }
  writeBookingsSection(renderBookings(r, quick));
  console.log('  written docs/benchmarks.md (bookings section)');
  return r;
}

if (require.main === module) {
  runBookingsBench(process.argv.includes('--quick')).then(
    () => process.exit(0),
    (err) => {
      console.error('bookings bench failed:', err instanceof Error ? err.stack : err);
      process.exit(1);
    },
  );
}
