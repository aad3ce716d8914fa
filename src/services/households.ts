import type { TBindHouseholdRequest, TVerifyQueueRequest } from '@hg/types';
import { callFunction } from './transport';

/** Household binding (居民认证) and its verification by the three heads / community staff. */
export const households = {
  bind: (input: TBindHouseholdRequest) => callFunction('households', 'bind', input),
  mine: () => callFunction('households', 'mine', {}),
  verifyQueue: (input: TVerifyQueueRequest) => callFunction('households', 'verifyQueue', input),
  approve: (membershipId: number) => callFunction('households', 'verify', { membershipId, approve: true }),
  reject: (membershipId: number, reason: string) =>
    callFunction('households', 'verify', { membershipId, approve: false, reason }),
};
