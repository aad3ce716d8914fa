import type { Role, ScopeLevel } from '@hg/types';
import type { Actor } from './actor';
import { isAssessor, isAssessorOver, isCityAdmin } from './policies';

/** A compound in street 1 / community 10 / compound 100. */
const compound = { streetId: 1, communityId: 10, compoundId: 100 };

function actor(...roles: [Role, ScopeLevel, number][]): Actor {
  return {
    userId: 9,
    openid: 'x',
    name: 'x',
    phone: null,
    roles: roles.map(([role, scopeLevel, scopeId]) => ({ role, scopeLevel, scopeId, organisationId: 0 })),
  } as Actor;
}

describe('named role policies', () => {
  it.each([
    ['the city admin', actor(['admin', 'city', 0]), true],
    ['an admin with other roles too', actor(['community_staff', 'community', 10], ['admin', 'city', 0]), true],
    ['street staff (staff, not an admin)', actor(['street_staff', 'street', 1]), false],
    ['an assessor', actor(['assessor', 'city', 0]), false],
    ['a resident', actor(), false],
  ])('isCityAdmin: %s → %s', (_label, who, expected) => {
    expect(isCityAdmin(who)).toBe(expected);
  });

  it('no actor (anonymous or the platform) is never the city admin', () => {
    expect(isCityAdmin(null)).toBe(false);
    expect(isCityAdmin(undefined)).toBe(false);
  });

  // [who, isAssessor, isAssessorOver(compound 100)]
  it.each([
    ['an assessor of the city', actor(['assessor', 'city', 0]), true, true],
    ['an assessor of the street', actor(['assessor', 'street', 1]), true, true],
    ['an assessor of another street', actor(['assessor', 'street', 2]), true, false],
    ['an assessor of the compound', actor(['assessor', 'compound', 100]), true, true],
    ['an assessor of another compound', actor(['assessor', 'compound', 101]), true, false],
    ['the city admin', actor(['admin', 'city', 0]), false, false],
    ['community staff over the compound', actor(['community_staff', 'community', 10]), false, false],
  ])('%s: assessor %s, over the compound %s', (_label, who, anywhere, over) => {
    expect(isAssessor(who)).toBe(anywhere);
    expect(isAssessorOver(who, compound)).toBe(over);
  });
});
