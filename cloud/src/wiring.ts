import type { FunctionName } from '@hg/types';
import type { ActionTable } from './core/action';
import { configureKernel } from './core/kernel';
import { closure, entitiesOf, functionsOf, timersOf, type DomainModule, type TimerJob } from './core/module';
import { createMain, createTimerMain } from './core/wechat';
import { identityModule } from './modules/identity';
import { resolveActor } from './modules/identity/public';

/**
 * Wire core for a set of modules: their entities (and those of every module they require), the
 * migrations (only where schema changes are run: the app, not deployed functions), and the
 * identity kernel's actor resolver. The whole product does this once in
 * app.ts; a deployed function does it for its own slice only, so its bundle carries its domain
 * and the kernel, not every domain.
 */
export function wire(modules: readonly DomainModule[], opts: { migrations?: readonly (new () => object)[] } = {}): DomainModule[] {
  const all = closure([identityModule, ...modules]);
  configureKernel({ entities: entitiesOf(all), migrations: opts.migrations ?? [], resolveActor });
  return all;
}

/**
 * A deployed function's entry: wire its slice, then serve the actions its modules declare for the
 * function `name` (`exports.main`). Deployed functions never migrate (`npm run db:migrate` is a
 * deliberate step), so they carry no migrations.
 */
export function deployFunction(name: FunctionName, modules: readonly DomainModule[]) {
  const all = wire(modules);
  const table = functionsOf(all)[name];
  if (!table) throw new Error(`function ${name}: none of its modules (${modules.map((m) => m.name).join(', ')}) declares its actions`);
  return createMain(table);
}

/**
 * The deployed timer function: every job of the given modules (which include the timers module,
 * whose tables hold the leases and run records), on the platform's timer trigger. The timers
 * module's action table comes in as `actionsFor`, so wiring.ts does not import it and no other
 * function's bundle carries it.
 */
export function deployTimers(modules: readonly DomainModule[], actionsFor: (jobs: readonly TimerJob[]) => ActionTable) {
  const all = wire(modules);
  if (!all.some((m) => m.name === 'timers')) throw new Error('deployTimers: the timers module must be among the modules (its tables hold the leases)');
  return createTimerMain(actionsFor(timersOf(all)), 'tick');
}
