/**
 * Cold start of a built cloud function: a new Node process requires
 * dist/cloudfunctions/me/index.js and answers `{ action: 'get' }` once (connect, first query,
 * answer). Timed from spawn to the answer on stdout, next to `node -e` printing one line, run
 * interleaved so that machine noise hits every variant alike.
 */
import {
  bareNode,
  invokeFunction,
  makeFakeWxSdk,
  migrateAndSeed,
  PROJECT_NODE_MODULES,
  stageFunction,
  type TempDatabase,
} from '../scripts/lib/cloud-harness';
import { median, percentile } from './stats';

export interface ColdStartRow {
  variant: string;
  runs: number;
  medianMs: number;
  p90Ms: number;
  /** median / median of `node -e`; null for the baseline itself. */
  ratio: number | null;
  target: number | null;
}

export const COLD_START_TARGETS: Record<'sqlite' | 'mysql', number> = { sqlite: 2.0, mysql: 2.5 };

export async function benchColdStart(dbs: TempDatabase[], runs = 15): Promise<ColdStartRow[]> {
  const sdk = makeFakeWxSdk();
  const staged = stageFunction('me');
  try {
    for (const db of dbs) await migrateAndSeed(db);
    const bare: number[] = [];
    const byDb = new Map<TempDatabase, number[]>(dbs.map((db) => [db, []]));
    // One unmeasured round warms the page cache for the bundle and node itself.
    for (let i = -1; i < runs; i++) {
      const b = await bareNode();
      if (i >= 0) bare.push(b);
      for (const db of dbs) {
        // better-sqlite3 is native and external to the bundle: only the SQLite run may reach it.
        const nodePath = db.kind === 'sqlite' ? [sdk.nodePath, PROJECT_NODE_MODULES] : [sdk.nodePath];
        const { result, ms } = await invokeFunction({ dir: staged.dir, event: { action: 'get' }, env: db.env, nodePath });
        if (!(result as { ok?: boolean }).ok) throw new Error(`me.get failed on ${db.label}: ${JSON.stringify(result)}`);
        if (i >= 0) byDb.get(db)!.push(ms);
      }
    }
    const base = median(bare);
    return [
      { variant: '`node -e` (baseline)', runs, medianMs: base, p90Ms: percentile(bare, 90), ratio: null, target: null },
      ...dbs.map((db) => {
        const xs = byDb.get(db)!;
        return {
          variant: `me.get bundle, ${db.label}`,
          runs,
          medianMs: median(xs),
          p90Ms: percentile(xs, 90),
          ratio: median(xs) / base,
          target: COLD_START_TARGETS[db.kind],
        };
      }),
    ];
  } finally {
    staged.cleanup();
    sdk.cleanup();
  }
}
