import type { EntityManager } from 'typeorm';
import type { SettingsSection } from '@hg/types';
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
}

/**
 * A domain module as the composition root sees it: its tables, the modules it reads through their
 * public surface (so a function bundle knows which tables it needs) and its timer jobs. Adding a
 * module means writing one of these and listing it in cloud/src/app.ts: core never changes.
 */
export interface DomainModule {
  name: string;
  entities: readonly EntityClass[];
  requires?: readonly DomainModule[];
  timers?: readonly TimerJob[];
  /** The city settings sections this module owns (types/<domain>.ts declares them). */
  settings?: readonly SettingsSection[];
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
export const timersOf = (modules: readonly DomainModule[]): TimerJob[] => closure(modules).flatMap((m) => [...(m.timers ?? [])]);
export const settingsOf = (modules: readonly DomainModule[]): SettingsSection[] => closure(modules).flatMap((m) => [...(m.settings ?? [])]);
