import type { DataSource, EntityManager } from 'typeorm';
import type { FunctionName, MeCapabilities, SettingsSection } from '@hg/types';
import type { ActionTable } from './action';
import type { Platform } from './platform';

/** A TypeORM entity class. */
export type EntityClass = new () => object;

/** What a timer job may use: no actor, the platform for messages, transactions. */
export interface TimerContext {
  em: EntityManager;
  platform: Platform;
  tx<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
}

/**
 * A module's periodic job, run by the one deployed timer function with an injectable `now`.
 * Returns counts of what it did (`{ escalated: 2 }`); counts of all jobs are summed per key.
 * The runner holds a lease per job, so two ticks never run the same job at once (a later tick
 * runs it again, so a job still acts idempotently); a job that throws is recorded as failed and
 * the other jobs still run.
 */
export interface TimerJob {
  /** `<module>.<job>`, ≤ 64 characters and stable: it keys the job's lease and run records. */
  name: string;
  run(ctx: TimerContext, now: Date): Promise<Record<string, number>>;
  /** Runs after every other job of the tick: it delivers what they produced (the push outbox's sender). */
  last?: boolean;
}

/** A migration class (TypeORM `MigrationInterface`), named `<Name><13-digit timestamp>`. */
export type MigrationClass = new () => object;

/**
 * What a module's demo seeder may use (the local demo only; tests and production never seed).
 * `call` runs an action through the same wrapper the functions use, as a demo person, so the demo
 * city is built by the product's own actions; `ds` reads ids the story needs.
 */
export interface SeedContext {
  ds: DataSource;
  call(fn: FunctionName, action: string, input: Record<string, unknown>, who: string): Promise<unknown>;
  /** The openid of a demo person (`resident`, `care_staff`, …), for the rare story that must look a row up. */
  openidOf(who: string): string;
}

/** A module's part of the demo city: runs after the base city and after the seeders of the modules it requires. */
export interface DemoSeeder {
  /** Returns what it added, for the log (`"12 needs"`), or null when its data were already there. */
  run(ctx: SeedContext): Promise<string | null>;
}

/**
 * A domain module as the composition root sees it: its tables and migrations, the modules it
 * reads through their public surface (so a function bundle knows which tables it needs), its
 * action tables by cloud function, its timer jobs, the subjects and message kinds it owns, its
 * city settings and its demo seeder. Adding a module means writing one of these and listing it in
 * cloud/src/registry.ts: core, app.ts, the timer function, the seed and the gateway read the lists.
 */
export interface DomainModule {
  name: string;
  entities: readonly EntityClass[];
  requires?: readonly DomainModule[];
  /**
   * The module's own migrations. The product's history up to the kernel step lives in
   * cloud/src/migrations/; a new domain carries its migrations here. All are run in timestamp order.
   */
  migrations?: readonly MigrationClass[];
  /** Its actions, by the cloud function that serves them (two modules may share a function; an action name may not repeat). */
  functions?: { readonly [F in FunctionName]?: ActionTable };
  timers?: readonly TimerJob[];
  /** Subject kinds whose history this module writes to the subject log (`subject_events.subjectKind`). */
  subjects?: readonly string[];
  /** The 我的/首页 capabilities (MeDTO.can) that open this module's work: its pages and the actions behind them. */
  capabilities?: readonly (keyof MeCapabilities)[];
  /** Message kinds (types/links.ts `MessageKind`) this module sends. */
  messages?: readonly string[];
  /** The city settings sections this module owns (types/<domain>.ts declares them). */
  settings?: readonly SettingsSection[];
  /** Its part of the local demo city. */
  seed?: DemoSeeder;
}

/** The modules and everything they require, each once, dependencies first. */
export function closure(modules: readonly DomainModule[]): DomainModule[] {
  const out: DomainModule[] = [];
  const visit = (m: DomainModule) => {
    if (out.includes(m)) return;
    for (const dep of m.requires ?? []) visit(dep);
    out.push(m);
  };
  modules.forEach(visit);
  return out;
}

export const entitiesOf = (modules: readonly DomainModule[]): EntityClass[] => closure(modules).flatMap((m) => [...m.entities]);
export const timersOf = (modules: readonly DomainModule[]): TimerJob[] => {
  const jobs = closure(modules).flatMap((m) => [...(m.timers ?? [])]);
  return [...jobs.filter((j) => !j.last), ...jobs.filter((j) => j.last)];
};
export const settingsOf = (modules: readonly DomainModule[]): SettingsSection[] => closure(modules).flatMap((m) => [...(m.settings ?? [])]);

/** The 13-digit timestamp TypeORM reads from a migration's class name. */
export function migrationTimestamp(m: MigrationClass): number {
  const ts = /(\d{13})$/.exec(m.name)?.[1];
  if (!ts) throw new Error(`migration ${m.name}: the class name must end in a 13-digit timestamp`);
  return Number(ts);
}

/**
 * The history in cloud/src/migrations plus every module's own migrations, each once, in timestamp
 * order (two migrations with one timestamp are a mistake and throw).
 */
export function migrationsOf(modules: readonly DomainModule[], history: readonly MigrationClass[] = []): MigrationClass[] {
  const all = [...new Set([...history, ...closure(modules).flatMap((m) => [...(m.migrations ?? [])])])];
  const seen = new Map<number, string>();
  for (const m of all) {
    const ts = migrationTimestamp(m);
    if (seen.has(ts)) throw new Error(`migrations ${seen.get(ts)} and ${m.name} share the timestamp ${ts}`);
    seen.set(ts, m.name);
  }
  return all.sort((a, b) => migrationTimestamp(a) - migrationTimestamp(b));
}

/**
 * Every cloud function's action table, merged from the modules that serve it. An action name
 * declared by two modules for one function throws at load time.
 */
export function functionsOf(modules: readonly DomainModule[]): Partial<Record<FunctionName, ActionTable>> {
  const out: Partial<Record<FunctionName, ActionTable>> = {};
  for (const m of closure(modules)) {
    for (const [fn, table] of Object.entries(m.functions ?? {}) as [FunctionName, ActionTable][]) {
      const into = (out[fn] ??= {});
      for (const [action, def] of Object.entries(table)) {
        if (action in into) throw new Error(`function ${fn}: action ${action} is declared twice (module ${m.name})`);
        into[action] = def;
      }
    }
  }
  return out;
}

/** The seeders of the modules, dependencies first. */
export const seedersOf = (modules: readonly DomainModule[]): { module: string; seeder: DemoSeeder }[] =>
  closure(modules).flatMap((m) => (m.seed ? [{ module: m.name, seeder: m.seed }] : []));
