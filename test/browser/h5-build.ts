import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
export const H5_DIR = path.join(ROOT, 'dist', 'h5');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Build the H5 app unless a build newer than every source file exists. The browser project's
 * global setup calls it first (a build takes minutes on a busy machine, longer than a journey's
 * hook timeout); each stack calls it again, which costs a walk over the sources' mtimes.
 */
export function ensureH5Build(): void {
  const index = path.join(H5_DIR, 'index.html');
  const sources = Math.max(newestMtime(path.join(ROOT, 'src')), newestMtime(path.join(ROOT, 'types')), newestMtime(path.join(ROOT, 'config')));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs > sources) return;
  const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`H5 build failed:\n${r.stdout}\n${r.stderr}`);
}
