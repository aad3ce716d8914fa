import type { TBindHouseholdRequest, TLookupHouseholdRequest, TVerifyQueueRequest } from '@hg/types';
import { callFunction } from './transport';

/** Household binding (居民认证) and its verification by the three heads / community staff. */
export const households = {
  bind: (input: TBindHouseholdRequest) => callFunction('households', 'bind', input),
  mine: () => callFunction('households', 'mine', {}),
  verifyQueue: (input: TVerifyQueueRequest) => callFunction('households', 'verifyQueue', input),
  approve: (membershipId: number) => callFunction('households', 'verify', { membershipId, approve: true }),
  reject: (membershipId: number, reason: string) =>
    callFunction('households', 'verify', { membershipId, approve: false, reason }),
  /** 代办: the household behind a unit + room, for staff and heads filing for a resident without a phone. */
  lookup: (input: TLookupHouseholdRequest) => callFunction('households', 'lookup', input),
};
