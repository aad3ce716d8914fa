import type { FunctionName } from '@hg/types';
import type { ActionTable, ActionTableFor } from './core/action';
import { timersOf } from './core/module';
import { bookingActions, bookingsModule } from './modules/bookings';
import { communityActions, communityModule } from './modules/community';
import { demoActions, demoModule } from './modules/demo';
import { homeActions, homeModule } from './modules/home';
import { householdActions, householdsModule } from './modules/households';
import { identityModule } from './modules/identity';
import { meActions, meModule } from './modules/me';
import { needActions, needsModule } from './modules/needs';
import { notificationActions, notificationsModule } from './modules/notifications';
import { ratingActions, ratingsModule } from './modules/ratings';
import { timerActions, timersModule } from './modules/timers';
import { MIGRATIONS } from './migrations';
import { wire } from './wiring';

/**
 * The composition root: every module of the product, wired once. The local gateway, the seed,
 * the migration CLI and the tests start here. Adding a domain = a module folder, a line below, a
 * function folder in cloud/functions/ — core does not change.
 */
export const MODULES = [
  identityModule,
  communityModule,
  householdsModule,
  notificationsModule,
  meModule,
  homeModule,
  needsModule,
  bookingsModule,
  ratingsModule,
  timersModule,
  demoModule,
];

wire(MODULES, { migrations: MIGRATIONS });

/** Every cloud function by name, as the gateway serves them and cloud/functions/<name> deploys them. */
export const FUNCTIONS: Record<FunctionName, ActionTable> = {
  me: meActions,
  community: { ...communityActions, ...homeActions } satisfies ActionTableFor<'community'>,
  households: householdActions,
  needs: needActions,
  notifications: notificationActions,
  bookings: bookingActions,
  ratings: ratingActions,
  // The timer function keeps its first deployed name; it runs every module's jobs.
  escalation: timerActions(timersOf(MODULES)) satisfies ActionTableFor<'escalation'>,
};

/** Local-only actions the gateway calls as the system (demo login). Never deployed. */
export const LOCAL_ACTIONS = { demo: demoActions };
