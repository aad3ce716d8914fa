import { bindHousehold } from './actions/bind-household';
import { listMyMemberships } from './actions/list-my-memberships';
import { listVerifyQueue } from './actions/list-verify-queue';
import { lookupHousehold } from './actions/lookup-household';
import { verifyMembership } from './actions/verify-membership';

/** The `households` cloud function's action table. */
export const householdActions = {
  bind: bindHousehold,
  mine: listMyMemberships,
  verifyQueue: listVerifyQueue,
  verify: verifyMembership,
  lookup: lookupHousehold,
};
