/**
 * Run built cloud functions the way WeChat does — a fresh Node process that requires
 * dist/cloudfunctions/<name>/index.js and calls `main(event)` — against a throw-away database.
 * Shared by scripts/smoke-cloud.ts (CI) and bench/ (cold start).
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import '../../cloud/src/app';
import { buildOptions, migrate } from '../../cloud/src/core/data-source';
import { seedDemo } from '../../cloud/src/seed/seed';

export const ROOT = path.resolve(__dirname, '..', '..');
export const PROJECT_NODE_MODULES = path.join(ROOT, 'node_modules');

/**
 * A stand-in for wx-server-sdk (not installed locally; the real one reaches WeChat's metadata
 * host on init). The caller's identity comes from FAKE_WX_OPENID, as WeChat's trusted context would.
 */
const FAKE_SDK = `'use strict';
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
exports.DYNAMIC_CURRENT_ENV = Symbol('DYNAMIC_CURRENT_ENV');
exports.init = function init() {};
exports.getWXContext = function getWXContext() {
  return { OPENID: process.env.FAKE_WX_OPENID === undefined ? 'demo:resident' : process.env.FAKE_WX_OPENID || undefined, APPID: 'touristappid' };
};
exports.openapi = { wxacode: { getUnlimited: async () => ({ buffer: PNG_1PX, contentType: 'image/png' }) } };
`;

/** A temp folder whose `node_modules/wx-server-sdk` is the fake; put it on NODE_PATH. */
export function makeFakeWxSdk(): { nodePath: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hg-wxsdk-'));
  const mod = path.join(dir, 'node_modules', 'wx-server-sdk');
  fs.mkdirSync(mod, { recursive: true });
  fs.writeFileSync(path.join(mod, 'index.js'), FAKE_SDK);
  return { nodePath: path.join(dir, 'node_modules'), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface TempDatabase {
  kind: 'sqlite' | 'mysql';
  /** MYSQL_URL or SQLITE_PATH for the functions under test. */
  env: Record<string, string>;
  label: string;
  drop(): Promise<void>;
}

/** A fresh SQLite file in a temp folder. */
export function tempSqlite(): TempDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hg-sqlite-'));
  const file = path.join(dir, 'hongse.sqlite');
  return { kind: 'sqlite', env: { SQLITE_PATH: file }, label: 'SQLite', drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh database `<prefix>_<random>` on the server MYSQL_URL names; dropped by `drop()`. */
export async function tempMysql(serverUrl: string, prefix: string): Promise<TempDatabase> {
  const mysql = await import('mysql2/promise');
  const url = new URL(serverUrl.replace(/^mariadb:/, 'mysql:'));
  const name = `${prefix}_${crypto.randomBytes(4).toString('hex')}`;
  url.pathname = '/';
  const admin = await mysql.createConnection(url.toString());
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const scheme = serverUrl.split(':')[0];
  url.pathname = `/${name}`;
  return {
    kind: 'mysql',
    env: { MYSQL_URL: url.toString().replace(/^mysql:/, `${scheme}:`) },
    label: 'MySQL',
    async drop() {
      url.pathname = '/';
      const c = await mysql.createConnection(url.toString());
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

/** Migrate and seed the demo city, exactly as `npm run db:seed` does. */
export async function migrateAndSeed(db: TempDatabase): Promise<void> {
  const ds = new DataSource(buildOptions({ ...db.env }));
  await ds.initialize();
  try {
    await migrate(ds);
    await seedDemo(ds);
  } finally {
    await ds.destroy();
  }
}

/**
 * Copy dist/cloudfunctions/<name> to a temp folder outside the repo, as it is deployed: no
 * node_modules above it, so the bundle cannot lean on the project's dependencies by accident.
 */
export function stageFunction(name: string): { dir: string; cleanup(): void } {
  const src = path.join(ROOT, 'dist', 'cloudfunctions', name);
  if (!fs.existsSync(path.join(src, 'index.js'))) throw new Error(`${path.relative(ROOT, src)}/index.js is missing: run npm run build:cloud first`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hg-fn-${name}-`));
  fs.cpSync(src, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'invoke.js'), INVOKER);
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

// Prints one line — the envelope — then exits: a pooled MySQL connection would otherwise keep
// the process alive, and the platform freezes it the same way after the answer.
const INVOKER = `'use strict';
const { main } = require('./index.js');
main(JSON.parse(process.argv[2]), {}).then(
  (r) => { process.stdout.write(JSON.stringify(r) + '\\n', () => process.exit(0)); },
  (e) => { console.error(e); process.exit(2); },
);
`;

export interface Invocation {
  result: unknown;
  /** Process spawn → the answer line on stdout. */
  ms: number;
}

/** A clean environment: nothing from the caller's shell leaks in (no MYSQL_URL, no NODE_OPTIONS). */
function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: process.env.LANG, TZ: process.env.TZ, ...extra };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env as NodeJS.ProcessEnv;
}

/** Spawn `node invoke.js <event>` in the staged folder; resolve with the parsed answer and its latency. */
export function invokeFunction(opts: { dir: string; event: unknown; env: Record<string, string>; nodePath: string[]; node?: string }): Promise<Invocation> {
  const env = baseEnv({ ...opts.env, NODE_PATH: opts.nodePath.join(path.delimiter) });
  return timedLine(opts.node ?? process.execPath, ['invoke.js', JSON.stringify(opts.event)], opts.dir, env).then(({ line, ms }) => ({
    result: JSON.parse(line),
    ms,
  }));
}

/** The floor: `node -e` printing one line, timed the same way. */
export function bareNode(): Promise<number> {
  return timedLine(process.execPath, ['-e', 'console.log(0)'], os.tmpdir(), baseEnv({})).then((r) => r.ms);
}

function timedLine(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ line: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let answered = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0 && !answered) {
        answered = true;
        resolve({ line: out.slice(0, nl), ms: Number(process.hrtime.bigint() - started) / 1e6 });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (!answered) reject(new Error(`${path.basename(cmd)} ${args[0]} exited ${code} without an answer\n${err.trim()}`));
    });
  });
}
