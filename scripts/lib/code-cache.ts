import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Cold start with a V8 code cache (issue 17 item 3). A deployed function folder holds:
 *   app.js     the esbuild bundle (CommonJS, exports `main`)
 *   app.cache  V8's code cache for app.js, produced at build time after running its top level
 *   index.js   this loader: compiles app.js with the cache and runs it as a CommonJS module
 * V8 accepts a cache only from the same V8 version and flags; anything else (another Node, a
 * corrupt or stale file) is rejected by V8 itself and the loader compiles from source as if there
 * were no cache. `codeCache` on the module's exports says what happened ({ present, rejected,
 * node }); a rejection is also logged once per cold start, so the platform's logs show whether
 * the deployed Node takes the cache built here.
 */
export const LOADER = `'use strict';
// Built by scripts/build-cloud.ts (scripts/lib/code-cache.ts): load app.js with its V8 code cache.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');
const file = path.join(__dirname, 'app.js');
const source = fs.readFileSync(file, 'utf8');
let cachedData;
try {
  cachedData = fs.readFileSync(path.join(__dirname, 'app.cache'));
} catch (e) {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
const codeCache = { present: !!cachedData, rejected: cachedData ? script.cachedDataRejected === true : null, node: process.version };
if (codeCache.rejected) console.warn('[code-cache] app.cache rejected by Node ' + process.version + ': compiled from source');
const mod = { exports: {} };
script.runInThisContext().call(mod.exports, mod.exports, require, mod, file, __dirname);
module.exports = mod.exports;
module.exports.codeCache = codeCache;
`;

/**
 * Runs in a child Node (the one that will run the function, when given): compile app.js, run its
 * top level (so the functions it calls while loading are compiled too), then write V8's cache.
 */
const PRODUCER = `'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');
const dir = process.argv[1];
const file = path.join(dir, 'app.js');
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file });
const mod = { exports: {} };
const req = Module.createRequire(file);
script.runInThisContext().call(mod.exports, mod.exports, req, mod, file, dir);
fs.writeFileSync(path.join(dir, 'app.cache'), script.createCachedData());
`;

/**
 * Turn a folder with an esbuild bundle at index.js into loader + app.js + app.cache. Returns the
 * cache's size, or null when the bundle's top level could not run here (then there is no cache and
 * the loader compiles from source).
 */
export function addCodeCache(dir: string, node = process.execPath): { cacheBytes: number | null; error?: string } {
  fs.renameSync(path.join(dir, 'index.js'), path.join(dir, 'app.js'));
  fs.writeFileSync(path.join(dir, 'index.js'), LOADER);
  return produceCodeCache(dir, node);
}

/** Write app.cache for dir/app.js with `node` (a fresh process: nothing of ours is loaded in it). */
export function produceCodeCache(dir: string, node = process.execPath): { cacheBytes: number | null; error?: string } {
  fs.rmSync(path.join(dir, 'app.cache'), { force: true });
  const r = spawnSync(node, ['-e', PRODUCER, dir], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production' } as unknown as NodeJS.ProcessEnv,
    timeout: 60_000,
  });
  const cache = path.join(dir, 'app.cache');
  if (r.status !== 0 || !fs.existsSync(cache)) {
    const lines = (r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n');
    return { cacheBytes: null, error: lines.find((l) => /Error/.test(l)) ?? lines[0] };
  }
  return { cacheBytes: fs.statSync(cache).size };
}
