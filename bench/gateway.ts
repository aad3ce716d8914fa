/**
 * Gateway throughput for an authenticated read: `POST /api/me {action:'get'}` with a demo
 * session token, 50 connections, next to a bare node:http handler answering the same bytes.
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
import { signSession } from '../cloud/gateway/session';
import { buildOptions, closeDataSource, migrate, setDataSource } from '../cloud/src/core/data-source';
import { seedDemo } from '../cloud/src/seed/seed';
import { ROOT, type TempDatabase } from '../scripts/lib/cloud-harness';

export interface ThroughputRow {
  variant: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  failures: number;
  /** reqPerSec / bare reqPerSec; null for the baseline. */
  ratio: number | null;
  target: number | null;
}

export const GATEWAY_TARGET = 0.5;
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

async function measure(variant: string, url: string, headers: Record<string, string>, seconds: number): Promise<Omit<ThroughputRow, 'ratio' | 'target'>> {
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

export async function benchGateway(dbs: TempDatabase[], seconds = 10): Promise<ThroughputRow[]> {
  const secret = crypto.randomBytes(32).toString('hex');
  const { token } = signSession(secret, 'demo:resident');
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  const rows: Omit<ThroughputRow, 'ratio' | 'target'>[] = [];
  let answer = '';

  for (const db of dbs) {
    const ds = new DataSource(buildOptions({ ...db.env }));
    await ds.initialize();
    try {
      await migrate(ds);
      await seedDemo(ds);
      // Actions reach the database through the process-wide DataSource; point it at this one.
      setDataSource(ds);
      const server = createGateway({ ds, secret, demo: false });
      const url = `${await listen(server)}/api/me`;
      try {
        const res = await fetch(url, { method: 'POST', headers, body: BODY });
        answer = await res.text();
        if (!res.ok || !(JSON.parse(answer) as { ok: boolean }).ok) throw new Error(`me.get on ${db.label} answered ${res.status} ${answer.slice(0, 200)}`);
        rows.push(await measure(`gateway me.get, ${db.label}`, url, headers, seconds));
      } finally {
        await close(server);
      }
    } finally {
      await closeDataSource();
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
  let base: Omit<ThroughputRow, 'ratio' | 'target'>;
  try {
    base = await measure('bare node:http, fixed JSON', bareUrl, headers, seconds);
  } finally {
    await close(bare);
  }
  return [
    { ...base, ratio: null, target: null },
    ...rows.map((r) => ({ ...r, ratio: r.reqPerSec / base.reqPerSec, target: GATEWAY_TARGET })),
  ];
}
