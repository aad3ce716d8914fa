import type { DataSource } from 'typeorm';
import { runAction } from '../core/action';
import { seedersOf, type SeedContext } from '../core/module';
import { localPlatform } from '../core/platform';
import { FUNCTIONS, MODULES } from '../app';
import { demoOpenid } from './demo-data';
import { seedDemo } from './seed';

/**
 * The local demo city: the base city (places, organisations, people, roles, homes: ./seed.ts),
 * then every module's own seeder (DomainModule.seed), dependencies first, each building its part
 * through the product's actions as a demo person. Each step seeds once and is skipped when its data
 * are there. Returns one log line per step that added something. Tests and production never seed.
 */
export async function seedDemoCity(ds: DataSource): Promise<string[]> {
  const lines: string[] = [];
  if (await seedDemo(ds)) lines.push('demo city seeded (阆中市)');
  const ctx = demoSeedContext(ds);
  for (const { module, seeder } of seedersOf(MODULES)) {
    const added = await seeder.run(ctx);
    if (added) lines.push(`demo ${module}: ${added}`);
  }
  return lines;
}

/** What a module's seeder works with: actions as demo people, through the wrapper the functions use. */
export function demoSeedContext(ds: DataSource): SeedContext {
  const platform = localPlatform();
  return {
    ds,
    openidOf: demoOpenid,
    async call(fn, action, input, who) {
      const res = await runAction(FUNCTIONS[fn], { action, ...input }, { openid: demoOpenid(who) }, platform);
      if (!res.ok) throw new Error(`demo seed: ${fn}.${action} as ${who}: ${res.error.message}`);
      return res.data;
    },
  };
}
