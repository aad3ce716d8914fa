import { MembershipStatus } from '@hg/types';
import { everyCase } from '../../core/state-machine';
import { MEMBERSHIP_MACHINE } from './membership-status';

const ALL = Object.values(MembershipStatus);
/** Written out by hand: a change to the table must be deliberate. (Creation is none → pending.) */
const allowed = new Set(['pending>verified', 'pending>rejected', 'rejected>pending']);

describe('membership machine', () => {
  const pairs = ALL.flatMap((from) => ALL.map((to) => [from, to] as const));
  it.each(pairs)('%s → %s', (from, to) => {
    expect(MEMBERSHIP_MACHINE.next(from).includes(to)).toBe(allowed.has(`${from}>${to}`));
  });

  it.each(everyCase(MEMBERSHIP_MACHINE))('%s from %s allowed: %s', (action, state, ok) => {
    expect(MEMBERSHIP_MACHINE.allows(action, state)).toBe(ok);
  });

  it('a verified binding is final', () => {
    expect(MEMBERSHIP_MACHINE.next('verified')).toEqual([]);
  });
});
