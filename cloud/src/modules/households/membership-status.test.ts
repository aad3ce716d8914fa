import { MembershipStatus } from '@hg/types';
import { canTransition, MEMBERSHIP_TRANSITIONS } from './membership-status';

const ALL = Object.values(MembershipStatus);
const allowed = new Set(['none>pending', 'pending>verified', 'pending>rejected', 'rejected>pending']);

describe('membership transitions', () => {
  const cases = (['none', ...ALL] as const).flatMap((from) => ALL.map((to) => [from, to] as const));
  it.each(cases)('%s → %s', (from, to) => {
    expect(canTransition(from === 'none' ? null : from, to)).toBe(allowed.has(`${from}>${to}`));
  });
  it('covers every status in the table', () => {
    expect(Object.keys(MEMBERSHIP_TRANSITIONS).sort()).toEqual(['none', ...ALL].sort());
  });
});
