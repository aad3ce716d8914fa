import { MembershipStatus } from '@hg/types';
import { defineMachine } from '../../core/state-machine';

/**
 * A household binding (居民认证) after its creation as `pending`: verified or rejected by a
 * verifier; a rejected applicant may apply again. A verified binding is final here (unbinding is a
 * later feature).
 */
export const MEMBERSHIP_MACHINE = defineMachine<MembershipStatus, 'verify' | 'reject' | 'reapply', 'verifier' | 'applicant'>({
  name: 'membership',
  states: Object.values(MembershipStatus),
  rows: [
    { action: 'verify', from: ['pending'], to: 'verified', event: 'verified', who: ['verifier'] },
    { action: 'reject', from: ['pending'], to: 'rejected', event: 'rejected', who: ['verifier'] },
    { action: 'reapply', from: ['rejected'], to: 'pending', event: 'reapplied', who: ['applicant'] },
  ],
});
