import type { EntityManager } from 'typeorm';
import type { Actor } from './action';
import type { EntityClass } from './module';
import { SubjectEvent } from './subject-event.entity';

/**
 * What core needs from the outside and must not import: the entities and migrations to register
 * and how a trusted openid becomes an Actor. The composition root (cloud/src/app.ts, or a deployed
 * function's own slice through cloud/src/wiring.ts) provides them once per process.
 */
export interface KernelConfig {
  entities: readonly EntityClass[];
  migrations: readonly (new () => object)[];
  resolveActor(em: EntityManager, openid: string): Promise<Actor>;
}

let config: KernelConfig | null = null;

/**
 * Core's own tables come with every configuration: the subject log (`subject_events`) that
 * `transition()` writes is there for every wired slice, whichever modules it carries.
 */
export function configureKernel(next: KernelConfig): void {
  config = { ...next, entities: [SubjectEvent, ...next.entities.filter((e) => e !== SubjectEvent)] };
}

export function kernel(): KernelConfig {
  if (!config) throw new Error('kernel not configured: import cloud/src/app (or wire a function slice) before running actions');
  return config;
}
