import type { FunctionName } from '@hg/types';
import { configureKernel } from './core/kernel';
import { closure, entitiesOf, functionsOf, timersOf, type DomainModule } from './core/module';
import { createMain, createTimerMain } from './core/wechat';
import { identityModule } from './modules/identity';
import { resolveActor } from './modules/identity/public';
import { timerActions, timersModule } from './modules/timers';

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
 * The deployed timer function: every job of the given modules, on the platform's timer trigger,
 * with the timers module's own tables (leases and run records).
 */
export function deployTimers(modules: readonly DomainModule[]) {
  const all = wire([...modules, timersModule]);
  return createTimerMain(timerActions(timersOf(all)), 'tick');
}
