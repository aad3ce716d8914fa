/**
 * Cold start of a built cloud function, next to its hand-written yardstick.
 *
 * Every sample is a new Node process, timed from spawn to the answer line on stdout:
 *   - `node -e` printing one line (the floor);
 *   - bench/yardstick/me-<db>.js: `me.get`'s reads hand-written with wx-server-sdk + mysql2 /
 *     better-sqlite3 in raw SQL;
 *   - dist/cloudfunctions/me (the built function: the loader, app.js and its V8 code cache
 *     app.cache) answering `{ action: 'get' }`, and the same folder without app.cache.
 * Each function runs twice: with a stub wx-server-sdk (a few lines: the SDK's cost left out, so
 * the ratio shows our own code) and with the real wx-server-sdk 4.0.2 (what WeChat installs next to
 * every function; its `init` is made a no-op because the real one looks up a metadata host).
 * Both SDKs read the caller's OPENID from WX_CONTEXT_KEYS / WX_OPENID, the variables WeChat's
 * runtime sets and the real getWXContext reads. The variants run interleaved, in a shuffled order
 * each round, so that machine noise hits all of them alike. Each process reports its peak RSS
 * (`process.resourceUsage().maxRSS`) on a second line, after the timed answer.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateAndSeed, PROJECT_NODE_MODULES, ROOT, type TempDatabase } from '../scripts/lib/cloud-harness';
import { median, percentile } from './stats';

export type Sdk = 'stub' | 'real';
export type Kind = 'baseline' | 'yardstick' | 'bundle';

export interface ColdStartRow {
  variant: string;
  kind: Kind;
  sdk: Sdk | null;
  db: TempDatabase['kind'] | null;
  runs: number;
  medianMs: number;
  p90Ms: number;
  /** Median of the processes' peak resident set size, MiB. */
  rssMiB: number;
  /** median / median of `node -e`; null for the baseline itself. */
  ratio: number | null;
  /** Bundle rows, stub SDK only: the older ceiling against `node -e`. */
  target: number | null;
  /** Bundle rows: median / median of the yardstick on the same database and SDK. */
  vsYardstick: number | null;
  yardstickTarget: number | null;
}

export interface ColdStartResult {
  rows: ColdStartRow[];
  /** Whether yardstick and bundle gave equal answers, per database and SDK (checked before timing). */
  sameAnswer: { db: string; sdk: Sdk; equal: boolean; diff?: string }[];
  /** Real wx-server-sdk version, or why it was left out. */
  realSdk: string;
}

export const COLD_START_TARGETS: Record<'sqlite' | 'mysql', number> = { sqlite: 2.0, mysql: 2.5 };
/** Issue #6 item 10: the bundle within 1.5 × the hand-written function, on both databases. */
export const YARDSTICK_TARGET = 1.5;

const YARDSTICK_DIR = path.join(ROOT, 'bench', 'yardstick');
const EVENT = { action: 'get' };
/** The trusted identity, as WeChat's runtime passes it to a function's process. */
const WX_ENV = { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: 'demo:resident', WX_APPID: 'touristappid' };

/** The stub keeps the real SDK's getWXContext protocol (environment variables), nothing else. */
const STUB_SDK = `'use strict';
exports.DYNAMIC_CURRENT_ENV = Symbol('DYNAMIC_CURRENT_ENV');
exports.init = function init() {};
exports.getWXContext = function getWXContext() {
  const ctx = {};
  for (const key of (process.env.WX_CONTEXT_KEYS || '').split(',')) {
    if (key && process.env[key] !== undefined) ctx[key.startsWith('WX_') ? key.slice(3) : key] = process.env[key];
  }
  return ctx;
};
exports.openapi = { wxacode: { getUnlimited: async () => ({ buffer: Buffer.alloc(0), contentType: 'image/png' }) } };
`;

/** The real SDK, loaded in full, with only init() disarmed (it would reach WeChat's metadata host). */
const realSdkShim = (file: string) => `'use strict';
const real = require(${JSON.stringify(file)});
module.exports = Object.assign({}, real, { init() {} });
`;

// Prints the answer line (timed), then the peak RSS, then exits: a pooled MySQL connection would
// otherwise keep the process alive, and the platform freezes it the same way after the answer.
const INVOKER = `'use strict';
const { main } = require('./index.js');
main(JSON.parse(process.argv[2]), {}).then(
  (r) => { process.stdout.write(JSON.stringify(r) + '\\n' + JSON.stringify({ maxRSS: process.resourceUsage().maxRSS }) + '\\n', () => process.exit(0)); },
  (e) => { console.error(e); process.exit(2); },
);
`;
const BARE = 'console.log(0);console.log(JSON.stringify({maxRSS:process.resourceUsage().maxRSS}))';

function realSdkFile(): { file: string; version: string } | null {
  try {
    const file = require.resolve('wx-server-sdk', { paths: [ROOT] });
    const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(file), 'package.json'), 'utf8')) as { version: string };
    return { file, version: pkg.version };
  } catch {
    return null;
  }
}

interface Staged {
  dir: string;
  cleanup(): void;
}

function tempDir(prefix: string): Staged {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A folder whose node_modules/wx-server-sdk is the stub or the shim; goes on NODE_PATH. */
function sdkFolder(kind: Sdk, realFile: string | null): Staged & { nodePath: string } {
  const t = tempDir(`hg-wxsdk-${kind}-`);
  const mod = path.join(t.dir, 'node_modules', 'wx-server-sdk');
  fs.mkdirSync(mod, { recursive: true });
  fs.writeFileSync(path.join(mod, 'index.js'), kind === 'stub' ? STUB_SDK : realSdkShim(realFile!));
  return { ...t, nodePath: path.join(t.dir, 'node_modules') };
}

/** Copy a function outside the repository, as it is deployed, with the invoker beside it. */
function stage(name: string, indexJs: string): Staged {
  const t = tempDir(`hg-fn-${name}-`);
  fs.copyFileSync(indexJs, path.join(t.dir, 'index.js'));
  fs.writeFileSync(path.join(t.dir, 'bench-invoke.js'), INVOKER);
  return t;
}

/** Copy a built function folder (loader, app.js, app.cache unless `withoutCache`) with the invoker. */
function stageBuilt(dir: string, withoutCache: boolean): Staged {
  const t = tempDir(`hg-fn-${path.basename(dir)}-`);
  fs.cpSync(dir, t.dir, { recursive: true });
  if (withoutCache) fs.rmSync(path.join(t.dir, 'app.cache'), { force: true });
  fs.writeFileSync(path.join(t.dir, 'bench-invoke.js'), INVOKER);
  return t;
}

/** A clean environment: nothing from the caller's shell leaks in (no MYSQL_URL, no NODE_OPTIONS). */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: process.env.LANG, TZ: process.env.TZ, ...extra };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env as NodeJS.ProcessEnv;
}

export interface Sample {
  answer: string;
  ms: number;
  /** Peak RSS in KiB, as the process saw it just after answering. */
  maxRssKiB: number;
}

/** Spawn; time to the first line on stdout; the second line carries `{ maxRSS }`. */
export function timedProcess(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let ms = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      if (!ms && chunk.includes(10)) ms = Number(process.hrtime.bigint() - started) / 1e6;
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const [answer, rss] = out.split('\n');
      if (!ms || !rss) return reject(new Error(`node ${args[0]} in ${cwd} exited ${code} without an answer\n${err.trim()}`));
      resolve({ answer, ms, maxRssKiB: (JSON.parse(rss) as { maxRSS: number }).maxRSS });
    });
  });
}

/** Where two JSON answers first differ ('' when equal); object key order is ignored. */
export function firstDifference(a: unknown, b: unknown, at = '$'): string {
  if (a === b) return '';
  const short = (x: unknown) => (x === undefined ? 'absent' : (JSON.stringify(x) ?? String(x)).slice(0, 40));
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return `${at}: ${short(a)} ≠ ${short(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array ≠ object`;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  for (const k of new Set([...ka, ...kb])) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
    if (d) return d;
  }
  return '';
}

interface Variant {
  key: string;
  kind: Kind;
  sdk: Sdk | null;
  db: TempDatabase | null;
  run(): Promise<Sample>;
}

export async function benchColdStart(dbs: TempDatabase[], runs = 15, opts: { sdks?: Sdk[] } = {}): Promise<ColdStartResult> {
  const real = realSdkFile();
  const sdks = (opts.sdks ?? ['stub', 'real']).filter((s) => s === 'stub' || real);
  const folders = new Map(sdks.map((s) => [s, sdkFolder(s, real?.file ?? null)]));
  const bundleIndex = path.join(ROOT, 'dist', 'cloudfunctions', 'me', 'index.js');
  if (!fs.existsSync(bundleIndex)) throw new Error('dist/cloudfunctions/me/index.js is missing: run npm run build:cloud first');
  const staged: Staged[] = [];
  try {
    for (const db of dbs) await migrateAndSeed(db);
    const bundle = stageBuilt(path.dirname(bundleIndex), false);
    const uncached = stageBuilt(path.dirname(bundleIndex), true);
    staged.push(bundle, uncached);
    const variants: Variant[] = [{ key: 'bare', kind: 'baseline', sdk: null, db: null, run: () => timedProcess(['-e', BARE], os.tmpdir(), cleanEnv({})) }];
    for (const db of dbs) {
      const yard = stage(`yardstick-${db.kind}`, path.join(YARDSTICK_DIR, `me-${db.kind}.js`));
      staged.push(yard);
      for (const sdk of sdks) {
        const sdkPath = folders.get(sdk)!.nodePath;
        // The yardstick finds mysql2 / better-sqlite3 in the project's node_modules. The bundle
        // carries mysql2 inside; only its SQLite run may reach the project's native better-sqlite3.
        const yardEnv = cleanEnv({ ...db.env, ...WX_ENV, NODE_PATH: [sdkPath, PROJECT_NODE_MODULES].join(path.delimiter) });
        const bundleEnv = cleanEnv({
          ...db.env,
          ...WX_ENV,
          NODE_PATH: (db.kind === 'sqlite' ? [sdkPath, PROJECT_NODE_MODULES] : [sdkPath]).join(path.delimiter),
        });
        const args = ['bench-invoke.js', JSON.stringify(EVENT)];
        variants.push(
          { key: `yardstick:${db.kind}:${sdk}`, kind: 'yardstick', sdk, db, run: () => timedProcess(args, yard.dir, yardEnv) },
          { key: `bundle:${db.kind}:${sdk}`, kind: 'bundle', sdk, db, run: () => timedProcess(args, bundle.dir, bundleEnv) },
          { key: `uncached:${db.kind}:${sdk}`, kind: 'bundle', sdk, db, run: () => timedProcess(args, uncached.dir, bundleEnv) },
        );
      }
    }

    // Same answer, or the comparison means nothing. (A new field in MeDTO shows up here first.)
    const sameAnswer: ColdStartResult['sameAnswer'] = [];
    for (const db of dbs) {
      for (const sdk of sdks) {
        const y = JSON.parse((await variants.find((v) => v.key === `yardstick:${db.kind}:${sdk}`)!.run()).answer) as { ok: boolean };
        const b = JSON.parse((await variants.find((v) => v.key === `bundle:${db.kind}:${sdk}`)!.run()).answer) as { ok: boolean };
        if (!y.ok || !b.ok) throw new Error(`me.get failed on ${db.label} (${sdk} SDK): yardstick ${JSON.stringify(y)}, bundle ${JSON.stringify(b)}`);
        const diff = firstDifference(b, y);
        sameAnswer.push({ db: db.label, sdk, equal: !diff, ...(diff ? { diff } : {}) });
        if (diff) console.warn(`  warning: on ${db.label} (${sdk} SDK) the yardstick's answer differs from the bundle's at ${diff}`);
      }
    }

    const samples = new Map<string, Sample[]>(variants.map((v) => [v.key, []]));
    // One unmeasured round (index -1) warms the page cache for the files and node itself.
    for (let i = -1; i < runs; i++) {
      const order = [...variants].sort(() => Math.random() - 0.5);
      for (const v of order) {
        const s = await v.run();
        if (i >= 0) samples.get(v.key)!.push(s);
      }
    }

    const stat = (key: string) => {
      const xs = samples.get(key)!;
      const ms = xs.map((s) => s.ms);
      return { medianMs: median(ms), p90Ms: percentile(ms, 90), rssMiB: median(xs.map((s) => s.maxRssKiB)) / 1024 };
    };
    const base = stat('bare');
    const rows: ColdStartRow[] = [
      {
        variant: '`node -e` (baseline)',
        kind: 'baseline',
        sdk: null,
        db: null,
        runs,
        ...base,
        ratio: null,
        target: null,
        vsYardstick: null,
        yardstickTarget: null,
      },
    ];
    for (const sdk of sdks) {
      for (const db of dbs) {
        const y = stat(`yardstick:${db.kind}:${sdk}`);
        const b = stat(`bundle:${db.kind}:${sdk}`);
        const u = stat(`uncached:${db.kind}:${sdk}`);
        const sdkNote = sdk === 'stub' ? 'stub SDK' : `wx-server-sdk ${real!.version}`;
        rows.push(
          {
            variant: `yardstick (raw SQL), ${db.label}, ${sdkNote}`,
            kind: 'yardstick',
            sdk,
            db: db.kind,
            runs,
            ...y,
            ratio: y.medianMs / base.medianMs,
            target: null,
            vsYardstick: null,
            yardstickTarget: null,
          },
          {
            variant: `me bundle without its code cache, ${db.label}, ${sdkNote}`,
            kind: 'bundle',
            sdk,
            db: db.kind,
            runs,
            ...u,
            ratio: u.medianMs / base.medianMs,
            target: null,
            vsYardstick: u.medianMs / y.medianMs,
            yardstickTarget: null,
          },
          {
            variant: `me bundle (V8 code cache), ${db.label}, ${sdkNote}`,
            kind: 'bundle',
            sdk,
            db: db.kind,
            runs,
            ...b,
            ratio: b.medianMs / base.medianMs,
            target: sdk === 'stub' ? COLD_START_TARGETS[db.kind] : null,
            vsYardstick: b.medianMs / y.medianMs,
            yardstickTarget: YARDSTICK_TARGET,
          },
        );
      }
    }
    return { rows, sameAnswer, realSdk: real ? `wx-server-sdk ${real.version}` : 'wx-server-sdk not installed: real-SDK rows left out' };
  } finally {
    for (const s of staged) s.cleanup();
    for (const f of folders.values()) f.cleanup();
  }
}
