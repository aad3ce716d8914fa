import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { EscalationTickDTO } from '@hg/types';
import { runAction } from '../src/core/action';
import { getDataSource, migrate } from '../src/core/data-source';
import { localPlatform } from '../src/core/platform';
import { FUNCTIONS } from '../src/app';
import { seedDemoCity } from '../src/seed/run-seed';
import { createGateway } from './server';
import { loadSecret } from './session';

/**
 * `npm start`: migrate, seed the demo city, build the H5 app if it is missing, then serve the app
 * and every cloud function on one port.
 */
async function main() {
  const root = path.resolve(__dirname, '..', '..');
  const dataDir = path.join(root, 'data');
  const port = Number(process.env.PORT ?? 3000);
  const demo = process.env.DEMO_LOGIN !== 'off';
  const staticDir = path.join(root, 'dist', 'h5');

  const ds = await getDataSource();
  const applied = await migrate(ds);
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
  // The base city, then each module's demo data, built through the product's own actions.
  if (demo) for (const line of await seedDemoCity(ds)) console.log(line);

  if (!fs.existsSync(path.join(staticDir, 'index.html')) && process.env.SKIP_H5_BUILD !== '1') {
    console.log('building the H5 app (first start only, about a minute)…');
    const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (r.status !== 0) throw new Error('H5 build failed');
  }

  const server = createGateway({ ds, secret: loadSecret(dataDir), demo, staticDir, publicBaseUrl: process.env.PUBLIC_BASE_URL });
  server.listen(port, () => {
    const db = process.env.MYSQL_URL ? 'MySQL' : `SQLite (${path.relative(root, String(ds.options.database))})`;
    console.log(`\n红色管家 is running: http://localhost:${port}/  (database: ${db})`);
    if (demo) {
      console.log('演示模式 demo login: open the URL, tap 我的 → 切换演示账号, and pick any role:');
      console.log('  居民 王秀兰 · 楼栋长 陈志强 · 小区长 李明华 · 社区工作人员 杨晓燕 · 物业 孙磊 · 管理员 林峰 …');
      console.log(`  scan entry: http://localhost:${port}/#/packages/entry/pages/scan/index?scene=c%3DNJJP01`);
    }
  });
  // The escalation timer: on WeChat a timer trigger; here an interval over the same action.
  const everyMs = Number(process.env.ESCALATION_INTERVAL_MS ?? 60_000);
  const timer = setInterval(() => {
    runAction(FUNCTIONS.escalation, { action: 'tick' }, { openid: null, system: true }, localPlatform())
      .then((r) => {
        if (!r.ok) return console.error('[escalation]', r.error.message);
        const d = r.data as EscalationTickDTO;
        // Log only ticks that did something (every module's jobs report counts).
        if (Object.values(d).some((n) => n > 0)) console.log('[timers]', JSON.stringify(d));
      })
      .catch((err) => console.error('[escalation]', err));
  }, everyMs);
  timer.unref();
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error('failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
