import type { FunctionName } from '@hg/types';
import type { ActionTable, ActionTableFor } from './core/action';
import { functionsOf, migrationsOf, settingsOf, timersOf } from './core/module';
import { demoActions, demoModule } from './modules/demo';
import { settingsActions } from './modules/settings';
import { timerActions } from './modules/timers';
import { MIGRATIONS } from './migrations';
import { PRODUCT_MODULES } from './registry';
import { wire } from './wiring';

/**
 * The composition root: every module of the product (registry.ts) plus the local demo login,
 * wired once. The local gateway, the seed, the migration CLI and the tests start here. Nothing
 * here names a domain: modules declare their entities, migrations, actions by function, timers,
 * settings and seeders (core/module.ts), and this file reads those lists.
 */
export const MODULES = [...PRODUCT_MODULES, demoModule];

/** The history in cloud/src/migrations and every module's own migrations, in timestamp order. */
export const ALL_MIGRATIONS = migrationsOf(MODULES, MIGRATIONS);

wire(MODULES, { migrations: ALL_MIGRATIONS });

/** Every cloud function by name, as the gateway serves them and cloud/functions/<name> deploys them. */
export const FUNCTIONS = {
  ...functionsOf(PRODUCT_MODULES),
  // The timer function keeps its first deployed name; it runs every module's jobs.
  escalation: timerActions(timersOf(MODULES)) satisfies ActionTableFor<'escalation'>,
  // City settings: the sections every module declares.
  settings: settingsActions(settingsOf(MODULES)),
} as Record<FunctionName, ActionTable>;

/** Local-only actions the gateway calls as the system (demo login). Never deployed. */
export const LOCAL_ACTIONS = { demo: demoActions };
