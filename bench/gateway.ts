/**
 * Gateway throughput for an authenticated read: `POST /api/me {action:'get'}` with a demo
 * session token, 50 connections, next to two bare node:http handlers:
 *   - one answering the very bytes the gateway sent (fixed JSON: the floor of HTTP alone);
 *   - one doing what `me.get` does in raw SQL — token check, JSON body, the same reads through the
 *     hand-written yardstick of bench/yardstick/ (mysql2 pool / better-sqlite3), the same envelope.
 * The servers run in this process; autocannon runs in a child process so that it does not share
 * the servers' event loop.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { createGateway } from '../cloud/gateway/server';
import { signSession, verifySession } from '../cloud/gateway/session';
import { buildOptions, closeDataSource, migrate, setDataSource } from '../cloud/src/core/data-source';
import { seedDemo } from '../cloud/src/seed/seed';
import { ROOT, type TempDatabase } from '../scripts/lib/cloud-harness';
import { firstDifference } from './cold-start';

export interface ThroughputRow {
  variant: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  failures: number;
  /** reqPerSec / fixed-JSON reqPerSec; null for the baseline. */
  ratio: number | null;
  target: number | null;
  /** Gateway rows: reqPerSec / the raw-SQL handler's on the same database. */
  vsRaw: number | null;
  rawTarget: number | null;
}

export interface GatewayResult {
  rows: ThroughputRow[];
  /** Whether the raw-SQL handler answered what the gateway answered, per database. */
  sameAnswer: { db: string; equal: boolean; diff?: string }[];
}

export const GATEWAY_TARGET = 0.5;
/** Issue #6 item 10: the gateway at ≥ 0.5 × the bare handler doing the same reads in raw SQL. */
export const RAW_TARGET = 0.5;

interface Reader {
  readMe(openid: string): Promise<unknown>;
  end(): Promise<void>;
}

/** The yardstick's reader for one database (plain CommonJS, shared with the cold-start bench). */
function yardstickReader(db: TempDatabase): Reader {
  const mod = require(path.join(ROOT, 'bench', 'yardstick', `me-${db.kind}.js`)) as { createReader(target: string, poolSize?: number): Reader };
  return db.kind === 'mysql' ? mod.createReader(db.env.MYSQL_URL, 10) : mod.createReader(db.env.SQLITE_PATH);
}

const HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...HEADERS, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** The hand-written server: what the gateway does for POST /api/me, without an ORM or schemas. */
function rawServer(reader: Reader, secret: string): http.Server {
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
      const openid = m ? verifySession(secret, m[1]) : null;
      if (req.method !== 'POST' || req.url !== '/api/me') return reply(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '未知的云函数' } });
      if (!openid) return reply(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
      let event: { action?: unknown };
      try {
        event = JSON.parse(Buffer.concat(chunks).toString()) as { action?: unknown };
      } catch {
        return reply(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求格式错误' } });
      }
      if (event?.action !== 'get') return reply(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '未知的操作' } });
      reader.readMe(openid).then(
        (data) => reply(res, 200, { ok: true, data }),
        (err) => {
          console.error('[raw]', err);
          reply(res, 500, { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用' } });
        },
      );
    });
  });
}

const BODY = JSON.stringify({ action: 'get' });

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

function autocannon(url: string, headers: Record<string, string>, seconds: number): Promise<CannonResult> {
  const args = [path.join(ROOT, 'node_modules', 'autocannon', 'autocannon.js'), '-c', '50', '-d', String(seconds), '-m', 'POST', '-b', BODY, '-j'];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err.trim()}`));
      try {
        resolve(JSON.parse(out) as CannonResult);
      } catch {
        reject(new Error(`autocannon printed no JSON: ${out.slice(0, 200)} ${err.slice(0, 200)}`));
      }
    });
  });
}

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/** Stop accepting, then give requests still in flight (their client already gone) time to finish. */
async function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

type Measured = Omit<ThroughputRow, 'ratio' | 'target' | 'vsRaw' | 'rawTarget'>;

async function measure(variant: string, url: string, headers: Record<string, string>, seconds: number): Promise<Measured> {
  await autocannon(url, headers, 2); // warm-up: JIT, pool connections, page cache
  const r = await autocannon(url, headers, seconds);
  return {
    variant,
    reqPerSec: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    failures: r.errors + r.timeouts + r.non2xx,
  };
}

const SLICES = 5;

/**
 * Two servers loaded in turns — SLICES slices of seconds/SLICES each, the order swapped every slice —
 * so that a burst of other work on the machine hits both alike. req/s = all requests / all
 * measured time; p50 = median of the slices' p50; p99 = the worst slice's p99.
 */
async function measureInterleaved(targets: { variant: string; url: string }[], headers: Record<string, string>, seconds: number): Promise<Measured[]> {
  for (const t of targets) await autocannon(t.url, headers, 2); // warm-up: JIT, pool connections, page cache
  const slice = Math.max(1, Math.round(seconds / SLICES));
  const got = targets.map(() => [] as CannonResult[]);
  for (let i = 0; i < SLICES; i++) {
    const order = i % 2 ? [...targets.keys()].reverse() : [...targets.keys()];
    for (const k of order) got[k].push(await autocannon(targets[k].url, headers, slice));
  }
  return targets.map((t, k) => {
    const rs = got[k];
    const total = rs.reduce((n, r) => n + r.requests.total, 0);
    const p50s = rs.map((r) => r.latency.p50).sort((a, b) => a - b);
    return {
      variant: t.variant,
      reqPerSec: total / (slice * rs.length),
      p50Ms: p50s[Math.floor(p50s.length / 2)],
      p99Ms: Math.max(...rs.map((r) => r.latency.p99)),
      requests: total,
      failures: rs.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0),
    };
  });
}

export async function benchGateway(dbs: TempDatabase[], seconds = 10): Promise<GatewayResult> {
  const secret = crypto.randomBytes(32).toString('hex');
  const { token } = signSession(secret, 'demo:resident');
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  const gateway = new Map<TempDatabase, Measured>();
  const raw = new Map<TempDatabase, Measured>();
  const sameAnswer: GatewayResult['sameAnswer'] = [];
  let answer = '';

  for (const db of dbs) {
    const ds = new DataSource(buildOptions({ ...db.env }));
    await ds.initialize();
    const reader = yardstickReader(db);
    try {
      await migrate(ds);
      await seedDemo(ds);
      // Actions reach the database through the process-wide DataSource; point it at this one.
      setDataSource(ds);
      // demo: true, because the token is the seeded demo resident's (the gateway refuses demo sessions otherwise).
      const server = createGateway({ ds, secret, demo: true });
      // The same reads in raw SQL, on the same database, served alongside.
      const rawSrv = rawServer(reader, secret);
      const url = `${await listen(server)}/api/me`;
      const rawUrl = `${await listen(rawSrv)}/api/me`;
      try {
        const res = await fetch(url, { method: 'POST', headers, body: BODY });
        answer = await res.text();
        if (!res.ok || !(JSON.parse(answer) as { ok: boolean }).ok) throw new Error(`me.get on ${db.label} answered ${res.status} ${answer.slice(0, 200)}`);
        const rawRes = await fetch(rawUrl, { method: 'POST', headers, body: BODY });
        const text = await rawRes.text();
        if (!rawRes.ok) throw new Error(`raw-SQL me.get on ${db.label} answered ${rawRes.status} ${text.slice(0, 200)}`);
        const diff = firstDifference(JSON.parse(answer), JSON.parse(text));
        sameAnswer.push({ db: db.label, equal: !diff, ...(diff ? { diff } : {}) });
        if (diff) console.warn(`  warning: on ${db.label} the raw-SQL handler's answer differs from the gateway's at ${diff}`);
        const [g, r] = await measureInterleaved(
          [
            { variant: `gateway me.get, ${db.label}`, url },
            { variant: `bare node:http, raw SQL, ${db.label}`, url: rawUrl },
          ],
          headers,
          seconds,
        );
        gateway.set(db, g);
        raw.set(db, r);
      } finally {
        await close(server);
        await close(rawSrv);
      }
    } finally {
      await closeDataSource();
      await reader.end();
    }
  }

  // The bare handler reads the body and answers the very bytes the gateway sent, with the same headers.
  const bare = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(answer), 'Cache-Control': 'no-store' });
      res.end(answer);
    });
  });
  const bareUrl = await listen(bare);
  let base: Measured;
  try {
    base = await measure('bare node:http, fixed JSON', bareUrl, headers, seconds);
  } finally {
    await close(bare);
  }
  const rows: ThroughputRow[] = [{ ...base, ratio: null, target: null, vsRaw: null, rawTarget: null }];
  for (const db of dbs) {
    const r = raw.get(db)!;
    const g = gateway.get(db)!;
    rows.push(
      { ...r, ratio: r.reqPerSec / base.reqPerSec, target: null, vsRaw: null, rawTarget: null },
      { ...g, ratio: g.reqPerSec / base.reqPerSec, target: GATEWAY_TARGET, vsRaw: g.reqPerSec / r.reqPerSec, rawTarget: RAW_TARGET },
    );
  }
  return { rows, sameAnswer };
}
