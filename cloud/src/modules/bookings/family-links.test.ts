import { FamilyLinkStatus } from '@hg/types';
import { everyCase } from '../../core/state-machine';
import { LINK_MACHINE } from './family-links';

describe('family link machine', () => {
  it.each(everyCase(LINK_MACHINE))('%s from %s allowed: %s', (action, state, ok) => {
    expect(LINK_MACHINE.allows(action, state)).toBe(ok);
  });
  it('a verified link is final and a rejected one may apply again', () => {
    expect(LINK_MACHINE.next(FamilyLinkStatus.verified)).toEqual([]);
    // The member may apply again, or centre staff link them themselves (an elder without a phone).
    expect(LINK_MACHINE.next(FamilyLinkStatus.rejected)).toEqual(['pending', 'verified']);
  });
});
