import type { Role, ScopeLevel } from '@hg/types';
import type { Actor } from './actor';
import { isAssessor, isAssessorOver, isCityAdmin, mayAppoint, proxyChannel, proxyRoleOver } from './policies';

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

describe('who may act for whom (代办, 代订): one proxy rule', () => {
  /** A household's full path, and a place known only to its community (an elder's profile). */
  const home = { streetId: 1, communityId: 10, compoundId: 100, buildingId: 1000, unitId: 10000 };
  const community = { streetId: 1, communityId: 10 };
  const channels = { community_staff: 'S', grid_worker: 'G', unit_head: 'U', building_head: 'B', compound_head: 'C' } as const;

  // [who, proxy role at the home, proxy role at the community place]
  it.each([
    ['community staff', actor(['community_staff', 'community', 10]), 'community_staff', 'community_staff'],
    ['street staff are not proxies', actor(['street_staff', 'street', 1]), null, null],
    ['a grid worker of the community', actor(['grid_worker', 'community', 10]), 'grid_worker', 'grid_worker'],
    ['a grid worker of another community', actor(['grid_worker', 'community', 11]), null, null],
    ['the unit head', actor(['unit_head', 'unit', 10000]), 'unit_head', null],
    ['a unit head of the next unit', actor(['unit_head', 'unit', 10001]), null, null],
    ['the building head', actor(['building_head', 'building', 1000]), 'building_head', null],
    ['the compound head', actor(['compound_head', 'compound', 100]), 'compound_head', null],
    ['a compound head of another compound', actor(['compound_head', 'compound', 101]), null, null],
    [
      'official roles first: grid worker and building head',
      actor(['building_head', 'building', 1000], ['grid_worker', 'community', 10]),
      'grid_worker',
      'grid_worker',
    ],
    ['nearest head first: compound and unit head', actor(['compound_head', 'compound', 100], ['unit_head', 'unit', 10000]), 'unit_head', null],
    ['community staff before grid worker', actor(['grid_worker', 'community', 10], ['community_staff', 'community', 10]), 'community_staff', 'community_staff'],
    ['the city admin is not a proxy', actor(['admin', 'city', 0]), null, null],
    ['a party member is not a proxy', actor(['party_member', 'compound', 100]), null, null],
    ['a resident', actor(), null, null],
  ] as const)('%s: at the home %s, at the community %s', (_label, who, atHome, atCommunity) => {
    expect(proxyRoleOver(who, home)).toBe(atHome);
    expect(proxyRoleOver(who, community)).toBe(atCommunity);
    expect(proxyChannel(who, home, channels)).toBe(atHome ? channels[atHome] : null);
  });

  // [who, post role, post level, where, may appoint]: the level above, inside its own scope.
  const building = { ...compound, buildingId: 1000 };
  const otherCommunity = { streetId: 1, communityId: 11, compoundId: 110, buildingId: 1100 };
  const ownCommunity = { streetId: 1, communityId: 10 };
  const street = { streetId: 1, communityId: -1 };
  it.each([
    ['community staff: a building head in her community', actor(['community_staff', 'community', 10]), 'building_head', 'building', building, true],
    ['community staff: a building head in another community', actor(['community_staff', 'community', 10]), 'building_head', 'building', otherCommunity, false],
    ['community staff: a grid worker of her community', actor(['community_staff', 'community', 10]), 'grid_worker', 'community', ownCommunity, true],
    ['community staff: another clerk', actor(['community_staff', 'community', 10]), 'community_staff', 'community', ownCommunity, false],
    ['community staff: street staff', actor(['community_staff', 'community', 10]), 'street_staff', 'street', street, false],
    ['a compound head: a unit head under her', actor(['compound_head', 'compound', 100]), 'unit_head', 'unit', { ...building, unitId: 5 }, false],
    ['street staff: a clerk of a community of the street', actor(['street_staff', 'street', 1]), 'community_staff', 'community', ownCommunity, true],
    ['street staff: a clerk of another street', actor(['street_staff', 'street', 2]), 'community_staff', 'community', ownCommunity, false],
    ['street staff: a building head (the community’s to appoint)', actor(['street_staff', 'street', 1]), 'building_head', 'building', building, false],
    ['the city admin: street staff', actor(['admin', 'city', 0]), 'street_staff', 'street', street, true],
    ['the city admin: a unit head (not the level above)', actor(['admin', 'city', 0]), 'unit_head', 'unit', { ...building, unitId: 5 }, false],
    ['anyone: a post the table does not have (a head on a community)', actor(['admin', 'city', 0]), 'building_head', 'community', ownCommunity, false],
    ['anyone: the city admin', actor(['admin', 'city', 0]), 'admin', 'city', ownCommunity, false],
  ] as [string, Actor, Role, ScopeLevel, Parameters<typeof mayAppoint>[3], boolean][])('mayAppoint: %s → %s', (_label, who, role, level, path, expected) => {
    expect(mayAppoint(who, role, level, path)).toBe(expected);
  });
});
