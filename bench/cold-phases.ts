/**
 * Where the built `me` bundle's cold start goes, phase by phase, and what a V8 code cache would
 * save. Not part of `npm run bench`: run it after `npm run build:cloud` when working on cold start.
 *
 *   MYSQL_URL=mysql://root@127.0.0.1:3306/ npx tsx bench/cold-phases.ts [runs]
 *
 * Each sample is a new process that compiles dist/cloudfunctions/me/app.js with vm.Script
 * (as Node's loader does), runs its top level, then calls `main({ action: 'get' })` twice:
 *   compile   V8 parsing/compiling the bundle's source;
 *   top level running the module (esbuild's wrappers, TypeORM decorators, zod schemas…);
 *   1st call  DataSource.initialize (entity metadata, driver, connection) + the reads + lazy compiles;
 *   2nd call  the same call warm: what the reads themselves cost.
 * "code cache" variants load V8 cached data made by an earlier process after its first call
 * (`script.createCachedData()`), which covers the functions compiled lazily during that call.
 * The stub wx-server-sdk is used throughout (its own cost is measured by bench/cold-start.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateAndSeed, PROJECT_NODE_MODULES, ROOT, tempMysql, tempSqlite, type TempDatabase } from '../scripts/lib/cloud-harness';
import { cleanEnv, timedProcess } from './cold-start';
import { median } from './stats';

const PHASES = `'use strict';
const fs = require('fs'), vm = require('vm'), path = require('path'), { performance } = require('perf_hooks');
const [file, cacheFile, mode] = process.argv.slice(2);
const src = fs.readFileSync(file, 'utf8');
const opts = { filename: file };
if (mode === 'use') opts.cachedData = fs.readFileSync(cacheFile);
const t0 = performance.now();
const script = new vm.Script('(function (exports, require, module, __filename, __dirname) {' + src + '\\n})', opts);
const t1 = performance.now();
const mod = { exports: {} };
script.runInThisContext()(mod.exports, require, mod, file, path.dirname(file));
const t2 = performance.now();
mod.exports.main({ action: 'get' }, {}).then(async (r) => {
  const t3 = performance.now();
  await mod.exports.main({ action: 'get' }, {});
  const t4 = performance.now();
  if (mode === 'make') fs.writeFileSync(cacheFile, script.createCachedData());
  const out = { ok: r.ok, boot: t0, compile: t1 - t0, top: t2 - t1, first: t3 - t2, second: t4 - t3, total: t3, rejected: !!script.cachedDataRejected };
  process.stdout.write(JSON.stringify(out) + '\\n' + JSON.stringify({ maxRSS: process.resourceUsage().maxRSS }) + '\\n', () => process.exit(0));
});
`;

const STUB = `exports.init = () => {}; exports.DYNAMIC_CURRENT_ENV = 1; exports.getWXContext = () => ({ OPENID: 'demo:resident' }); exports.openapi = {};`;

interface Phases {
  ok: boolean;
  boot: number;
  compile: number;
  top: number;
  first: number;
  second: number;
  total: number;
  rejected: boolean;
}

async function main() {
  const runs = Number(process.argv[2] ?? 11);
  const bundle = path.join(ROOT, 'dist', 'cloudfunctions', 'me', 'app.js');
  if (!fs.existsSync(bundle)) throw new Error('run npm run build:cloud first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hg-phases-'));
  const dbs: TempDatabase[] = [tempSqlite()];
  try {
    fs.copyFileSync(bundle, path.join(dir, 'index.js'));
    fs.writeFileSync(path.join(dir, 'phases.js'), PHASES);
    fs.mkdirSync(path.join(dir, 'sdk', 'wx-server-sdk'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'sdk', 'wx-server-sdk', 'index.js'), STUB);
    if (process.env.MYSQL_URL) dbs.push(await tempMysql(process.env.MYSQL_URL, 'hg_bench'));
    for (const db of dbs) await migrateAndSeed(db);

    const file = path.join(dir, 'index.js');
    const run = (db: TempDatabase, mode: 'none' | 'make' | 'use') =>
      timedProcess(
        ['phases.js', file, path.join(dir, `${db.kind}.cache`), mode],
        dir,
        cleanEnv({
          ...db.env,
          NODE_PATH: (db.kind === 'sqlite' ? [path.join(dir, 'sdk'), PROJECT_NODE_MODULES] : [path.join(dir, 'sdk')]).join(path.delimiter),
        }),
      ).then((s) => ({ ...(JSON.parse(s.answer) as Phases), wall: s.ms, rss: s.maxRssKiB / 1024 }));

    for (const db of dbs) await run(db, 'make');
    const samples = new Map<string, Awaited<ReturnType<typeof run>>[]>();
    for (let i = 0; i < runs; i++) {
      for (const db of dbs) {
        for (const mode of ['none', 'use'] as const) {
          const s = await run(db, mode);
          if (!s.ok || s.rejected) throw new Error(`${db.label} ${mode}: ${JSON.stringify(s)}`);
          const key = `${db.label}, ${mode === 'none' ? 'as built' : 'with code cache'}`;
          samples.set(key, [...(samples.get(key) ?? []), s]);
        }
      }
    }
    console.log(`me bundle ${(fs.statSync(bundle).size / 1024).toFixed(0)} KB, medians of ${runs} (ms; wall = spawn → after the 2nd call)`);
    console.log(`${'variant'.padEnd(30)} ${['boot', 'compile', 'top', '1st call', '2nd call', 'wall', 'RSS MiB'].map((h) => h.padStart(9)).join('')}`);
    for (const [key, xs] of samples) {
      const m = (f: (s: (typeof xs)[number]) => number) => median(xs.map(f)).toFixed(1).padStart(9);
      console.log(
        `${key.padEnd(30)} ${m((s) => s.boot)}${m((s) => s.compile)}${m((s) => s.top)}${m((s) => s.first)}${m((s) => s.second)}${m((s) => s.wall)}${m((s) => s.rss)}`,
      );
    }
  } finally {
    for (const db of dbs) await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
