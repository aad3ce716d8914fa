import type { DomainModule } from './core/module';
import { appointmentsModule } from './modules/appointments';
import { bookingsModule } from './modules/bookings';
import { cobuildingModule } from './modules/cobuilding';
import { communityModule } from './modules/community';
import { deliberationModule } from './modules/deliberation';
import { gridsModule } from './modules/grids';
import { homeModule } from './modules/home';
import { householdsModule } from './modules/households';
import { identityModule } from './modules/identity';
import { meModule } from './modules/me';
import { needsModule } from './modules/needs';
import { notificationsModule } from './modules/notifications';
import { partyModule } from './modules/party';
import { pushesModule } from './modules/pushes';
import { ratingsModule } from './modules/ratings';
import { settingsModule } from './modules/settings';
import { slotsModule } from './modules/slots';
import { timersModule } from './modules/timers';

/**
 * Every module of the product that is deployed, in one list: the composition root (app.ts), the
 * deployed timer function, the migration CLI, the seed and the gateway read it. A module declares
 * its own entities, migrations, actions by function, timers, subjects, settings and demo seeder
 * (core/module.ts), so adding a domain is one line here. Local-only modules (the demo login) are
 * added by app.ts, never here.
 */
export const PRODUCT_MODULES: readonly DomainModule[] = [
  identityModule,
  communityModule,
  householdsModule,
  appointmentsModule,
  notificationsModule,
  settingsModule,
  meModule,
  homeModule,
  needsModule,
  slotsModule,
  bookingsModule,
  ratingsModule,
  deliberationModule,
  gridsModule,
  cobuildingModule,
  partyModule,
  pushesModule,
  timersModule,
];
