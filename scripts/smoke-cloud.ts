/**
 * `npx tsx scripts/smoke-cloud.ts` (after `npm run build:cloud`): prove the built bundles run on
 * their own. Each function folder is copied out of the repo and started in a fresh Node process with
 * only a fake wx-server-sdk on NODE_PATH, against a migrated and seeded throw-away database:
 * SQLite always, and MySQL when MYSQL_URL names a server. On MySQL the project's node_modules
 * are not reachable at all, which shows the deployed function needs nothing but wx-server-sdk.
 *
 * `--node=/path/to/node` runs the bundles on another Node, e.g. the runtime WeChat offers
 * (Node 16/18). The SQLite run is skipped then: better-sqlite3 is compiled for this Node only.
 */
import { spawnSync } from 'node:child_process';
import { ErrorCode } from '@hg/types';
import {
  invokeFunction,
  makeFakeWxSdk,
  migrateAndSeed,
  PROJECT_NODE_MODULES,
  stageFunction,
  tempMysql,
  tempSqlite,
  type TempDatabase,
} from './lib/cloud-harness';

interface Check {
  fn: string;
  event: Record<string, unknown>;
  openid?: string;
  expect: (r: { ok: boolean; data?: any; error?: { code: string } }) => string | null;
}

const CHECKS: Check[] = [
  {
    fn: 'community',
    event: { action: 'resolveScene', scene: 'c=NJJP01' },
    expect: (r) => (r.ok && r.data.code === 'NJJP01' && r.data.buildingCount > 0 ? null : 'compound NJJP01 with its buildings'),
  },
  {
    fn: 'me',
    event: { action: 'get' },
    expect: (r) => (r.ok && r.data.name === '王秀兰' && r.data.verifiedResident === true ? null : 'the demo resident 王秀兰, verified'),
  },
  {
    fn: 'me',
    event: { action: 'get' },
    openid: '',
    expect: (r) => (!r.ok && r.error?.code === ErrorCode.UNAUTHENTICATED ? null : 'UNAUTHENTICATED without an OPENID'),
  },
  {
    fn: 'households',
    event: { action: 'mine' },
    expect: (r) => (r.ok && Array.isArray(r.data) && r.data.length > 0 ? null : "the resident's memberships"),
  },
  {
    // A write in a transaction, from a first-time user: ids are the seed's first compound/building/unit.
    fn: 'households',
    event: { action: 'bind', compoundId: 1, buildingId: 1, unitId: 1, room: '606', name: '冒烟测试', phone: '10000009998', relation: 'tenant' },
    openid: 'smoke:newcomer',
    expect: (r) => (r.ok && r.data.status === 'pending' && r.data.address === '锦屏花园1栋1单元606' ? null : 'a pending binding to 锦屏花园1栋1单元606'),
  },
  {
    fn: 'needs',
    event: { action: 'categories' },
    expect: (r) => (r.ok && Array.isArray(r.data) && r.data.length >= 12 ? null : 'the default need categories'),
  },
  {
    fn: 'notifications',
    event: { action: 'list' },
    expect: (r) => (r.ok && Array.isArray(r.data.items) ? null : 'the message centre page'),
  },
  {
    // The timer trigger: WeChat calls it with no OPENID and { Type: 'Timer' }.
    fn: 'escalation',
    event: { Type: 'Timer', TriggerName: 'escalation-every-5-minutes', Time: '2026-11-27T00:00:00Z' },
    openid: '',
    expect: (r) => (r.ok && typeof r.data.escalated === 'number' ? null : 'a tick run as the system'),
  },
];

const NODE = process.argv.find((a) => a.startsWith('--node='))?.slice('--node='.length);

async function smoke(db: TempDatabase, sdkPath: string): Promise<number> {
  await migrateAndSeed(db);
  // better-sqlite3 is native and stays external; only the SQLite run may reach the project's copy.
  const nodePath = db.kind === 'sqlite' ? [sdkPath, PROJECT_NODE_MODULES] : [sdkPath];
  let failures = 0;
  for (const check of CHECKS) {
    const staged = stageFunction(check.fn);
    const env: Record<string, string> = { ...db.env };
    if (check.openid !== undefined) env.FAKE_WX_OPENID = check.openid;
    const label = `${db.label.padEnd(6)} ${check.fn}.${String(check.event.action ?? 'timer')}${check.openid === '' ? ' (anonymous)' : ''}`;
    try {
      const { result, ms } = await invokeFunction({ dir: staged.dir, event: check.event, env, nodePath, node: NODE });
      const problem = check.expect(result as Parameters<Check['expect']>[0]);
      if (problem) {
        failures++;
        console.log(`FAIL ${label}: expected ${problem}, got ${JSON.stringify(result).slice(0, 300)}`);
      } else console.log(`ok   ${label}  ${ms.toFixed(0)} ms`);
    } catch (err) {
      failures++;
      console.log(`FAIL ${label}: ${err instanceof Error ? err.message : err}`);
    } finally {
      staged.cleanup();
    }
  }
  return failures;
}

/**
 * Each function's loader takes the V8 code cache built beside its bundle (same Node here; with
 * --node, the platform's answer is printed: a rejected cache is harmless, only slower).
 */
function codeCacheCheck(nodePath: string): number {
  let failures = 0;
  for (const fn of [...new Set(CHECKS.map((c) => c.fn))]) {
    const staged = stageFunction(fn);
    try {
      const r = spawnSync(NODE ?? process.execPath, ['-e', "console.log(JSON.stringify(require('./index.js').codeCache))"], {
        cwd: staged.dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', NODE_PATH: nodePath } as unknown as NodeJS.ProcessEnv,
      });
      const seen = r.status === 0 ? (JSON.parse(r.stdout.trim().split('\n').pop()!) as { present: boolean; rejected: boolean | null; node: string }) : null;
      if (!seen || !seen.present || (seen.rejected && !NODE)) {
        failures++;
        console.log(`FAIL ${fn}: code cache ${seen ? JSON.stringify(seen) : r.stderr.trim().split('\n')[0]}`);
      } else console.log(`ok   ${fn} code cache ${seen.rejected ? 'rejected (compiled from source)' : 'taken'} by Node ${seen.node}`);
    } finally {
      staged.cleanup();
    }
  }
  return failures;
}

async function main() {
  const sdk = makeFakeWxSdk();
  const dbs: TempDatabase[] = NODE ? [] : [tempSqlite()];
  let failures = 0;
  try {
    if (NODE) console.log(`running the bundles on ${NODE}`);
    if (process.env.MYSQL_URL) dbs.push(await tempMysql(process.env.MYSQL_URL, 'hg_smoke'));
    for (const db of dbs) failures += await smoke(db, sdk.nodePath);
    failures += codeCacheCheck(sdk.nodePath);
  } finally {
    for (const db of dbs) await db.drop().catch((e) => console.error(`could not drop the ${db.label} database:`, e));
    sdk.cleanup();
  }
  if (!process.env.MYSQL_URL) console.log('(MYSQL_URL not set: MySQL run skipped)');
  if (!dbs.length) {
    console.error('cloud smoke: nothing ran (with --node, set MYSQL_URL)');
    process.exit(1);
  }
  if (failures) {
    console.error(`cloud smoke: ${failures} check(s) failed`);
    process.exit(1);
  }
  console.log('cloud smoke: all bundles answer');
}

main().catch((err) => {
  console.error('cloud smoke failed:', err instanceof Error ? err.stack : err);
  process.exit(1);
});
