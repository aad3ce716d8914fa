import type { MembershipStatus } from '@hg/types';

/**
 * Allowed moves of a household binding. `null` is "no row yet". A rejected applicant may apply
 * again (rejected → pending); a verified binding is final here (unbinding is a later feature).
 */
export const MEMBERSHIP_TRANSITIONS: Record<MembershipStatus | 'none', readonly MembershipStatus[]> = {
  none: ['pending'],
  pending: ['verified', 'rejected'],
  rejected: ['pending'],
  verified: [],
};

export function canTransition(from: MembershipStatus | null, to: MembershipStatus): boolean {
  return MEMBERSHIP_TRANSITIONS[from ?? 'none'].includes(to);
}
