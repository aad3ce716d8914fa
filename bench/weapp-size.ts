import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MAIN_TARGET, SIZE_REPORT, type WeappSize } from '../scripts/check-weapp-size';
import { ROOT } from '../scripts/lib/cloud-harness';

function npmRun(script: string): void {
  const r = spawnSync('npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm run ${script} failed`);
}

/**
 * The weapp package sizes as `npm run size:weapp` last wrote them; builds and measures first when
 * there is no report, or when the build is newer than the report.
 */
export function weappSize(): WeappSize & { target: number } {
  const appJson = path.join(ROOT, 'dist', 'weapp', 'app.json');
  if (!fs.existsSync(appJson)) npmRun('build:weapp');
  if (!fs.existsSync(SIZE_REPORT) || fs.statSync(SIZE_REPORT).mtimeMs < fs.statSync(appJson).mtimeMs) npmRun('size:weapp');
  return { ...(JSON.parse(fs.readFileSync(SIZE_REPORT, 'utf8')) as WeappSize), target: MAIN_TARGET };
}
