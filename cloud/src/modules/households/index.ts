import type { ActionTableFor } from '../../core/action';
import { bindHousehold } from './actions/bind-household';
import { listMyMemberships } from './actions/list-my-memberships';
import { listVerifyQueue } from './actions/list-verify-queue';
import { lookupHousehold } from './actions/lookup-household';
import { listProxyPlaces } from './actions/list-proxy-places';
import { verifyMembership } from './actions/verify-membership';

import type { DomainModule } from '../../core/module';
import { communityModule } from '../community';
import { identityModule } from '../identity';
import { notificationsModule } from '../notifications';
import { HouseholdMember } from './household-member.entity';
import { Household } from './household.entity';

/** The `households` cloud function's action table. */
export const householdActions = {
  bind: bindHousehold,
  mine: listMyMemberships,
  verifyQueue: listVerifyQueue,
  verify: verifyMembership,
  lookup: lookupHousehold,
  places: listProxyPlaces,
} satisfies ActionTableFor<'households'>;

/** Households, bindings (居民认证) and their history. */
export const householdsModule: DomainModule = {
  name: 'households',
  entities: [Household, HouseholdMember],
  requires: [identityModule, communityModule, notificationsModule],
  capabilities: ['verifyHouseholds'],
  functions: { households: householdActions },
  subjects: ['membership'],
  messages: ['membership_update'],
};
