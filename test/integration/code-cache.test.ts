import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addCodeCache, produceCodeCache } from '../../scripts/lib/code-cache';

/**
 * The deployed function's loader (issue 17 item 3): app.js runs the same with its V8 code cache,
 * with a cache V8 rejects (one made for other code, as a cache from another Node version is), with
 * garbage, and with none — and says which it was.
 */
const APP = (answer: number) => `'use strict';
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
const table = Array.from({ length: 200 }, (_, i) => ({ i, label: 'row' + i }));
exports.main = async (event) => ({ ok: true, answer: ${answer}, fib: fib(event.n), rows: table.length, dir: __dirname === process.cwd() });
`;

/** Load the folder's index.js in a fresh Node and call main: what it answers and what the loader saw. */
function run(dir: string): { answer: number; fib: number; rows: number; dir: boolean; codeCache: { present: boolean; rejected: boolean | null } } {
  const r = spawnSync(
    process.execPath,
    ['-e', "const m = require('./index.js'); m.main({ n: 10 }).then((a) => console.log(JSON.stringify({ ...a, codeCache: m.codeCache })))"],
    { cwd: dir, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

describe('the code-cache loader of a built function', () => {
  const dirs: string[] = [];
  const folder = (answer: number) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hg-code-cache-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'index.js'), APP(answer));
    return dir;
  };
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('uses a cache made by this Node, and runs the same without one, with a rejected one, or with garbage', () => {
    const dir = folder(42);
    expect(addCodeCache(dir).cacheBytes).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(dir, 'index.js'), 'utf8')).toContain('cachedDataRejected');
    const expected = { ok: true, answer: 42, fib: 55, rows: 200, dir: true };
    expect(run(dir)).toEqual({ ...expected, codeCache: { present: true, rejected: false, node: process.version } });

    // A cache V8 made for other code: rejected by V8 itself, and the function still answers.
    const other = folder(7);
    addCodeCache(other);
    fs.copyFileSync(path.join(other, 'app.cache'), path.join(dir, 'app.cache'));
    expect(run(dir)).toEqual({ ...expected, codeCache: { present: true, rejected: true, node: process.version } });

    // Garbage (a truncated upload).
    fs.writeFileSync(path.join(dir, 'app.cache'), Buffer.from('not a V8 cache'));
    expect(run(dir)).toEqual({ ...expected, codeCache: { present: true, rejected: true, node: process.version } });

    // None at all.
    fs.rmSync(path.join(dir, 'app.cache'));
    expect(run(dir)).toEqual({ ...expected, codeCache: { present: false, rejected: null, node: process.version } });

    // Made again, it is taken again.
    expect(produceCodeCache(dir).cacheBytes).toBeGreaterThan(0);
    expect(run(dir).codeCache).toEqual({ present: true, rejected: false, node: process.version });
  });

  it('builds no cache, and says why, when the bundle cannot load here; the loader still runs it where it can', () => {
    const dir = folder(1);
    fs.writeFileSync(path.join(dir, 'index.js'), "'use strict'; require('a-module-that-only-the-platform-has'); exports.main = async () => ({});");
    const made = addCodeCache(dir);
    expect(made.cacheBytes).toBeNull();
    expect(made.error).toMatch(/Cannot find module/);
    expect(fs.existsSync(path.join(dir, 'app.cache'))).toBe(false);
  });
});
