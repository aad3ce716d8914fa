import type { DomainModule } from '../../core/module';
import { householdsModule } from '../households';
import { identityModule } from '../identity';
import { meModule } from '../me';
import { findDemoUser } from './actions/find-demo-user';
import { listDemoUsers } from './actions/list-demo-users';

/** Demo login for the local gateway only; never deployed as a cloud function. */
export const demoModule: DomainModule = {
  name: 'demo',
  entities: [],
  requires: [identityModule, householdsModule, meModule],
};

/** Called by the gateway as the system (see cloud/gateway/server.ts). */
export const demoActions = {
  users: listDemoUsers,
  find: findDemoUser,
};
