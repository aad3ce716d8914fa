import type { EscalationLevel, NeedActionName, NeedStatus, Role, ScopeLevel } from '@hg/types';
import type { Actor } from '../identity/public';
import type { NeedCategory } from './need-category.entity';
import type { Need } from './need.entity';
import { allowedActions, canSee, proxyFilingChannel, relationTo } from './need.policy';

/** One need in street 1 / community 10 / compound 100 / building 1000 / unit 10000, reported by user 1. */
function needAt(level: EscalationLevel, status: NeedStatus = 'dispatched', extra: Partial<Need> = {}): Need {
  return {
    id: 7,
    streetId: 1,
    communityId: 10,
    compoundId: 100,
    buildingId: 1000,
    unitId: 10000,
    reporterId: 1,
    createdById: 1,
    status,
    level,
    receiverOrgId: 50,
    receiverUserId: null,
    reopenCount: 0,
    resolvedAt: null,
    ...extra,
  } as Need;
}
const category = { partyClaimable: false } as NeedCategory;
const NODE: Record<ScopeLevel, number> = { city: 0, street: 1, community: 10, compound: 100, building: 1000, unit: 10000 };

function actor(role: Role, scopeLevel: ScopeLevel, scopeId = NODE[scopeLevel], organisationId = 0): Actor {
  return { userId: 99, openid: 'x', name: 'x', phone: null, roles: [{ role, scopeLevel, scopeId, organisationId }] } as Actor;
}
const now = new Date('2026-12-01T00:00:00Z');
const can = (a: Actor, need: Need) => allowedActions(relationTo(a, need, category), need, now);

const HEAD_POWER: NeedActionName[] = ['transfer', 'urge', 'comment'];
const WATCH: NeedActionName[] = ['comment'];

describe('the ladder gives power to act (dispatched need)', () => {
  // [who, level of the need, expected can]
  const table: [string, Actor, EscalationLevel, NeedActionName[]][] = [
    ['building head', actor('building_head', 'building'), 'building', HEAD_POWER],
    ['building head keeps it when the need climbs', actor('building_head', 'building'), 'compound', HEAD_POWER],
    ['building head keeps it at street level', actor('building_head', 'building'), 'street', HEAD_POWER],
    ['compound head, need still at building level', actor('compound_head', 'compound'), 'building', WATCH],
    ['compound head at compound', actor('compound_head', 'compound'), 'compound', HEAD_POWER],
    ['compound head at community', actor('compound_head', 'compound'), 'community', HEAD_POWER],
    ['unit head is not on the ladder', actor('unit_head', 'unit'), 'street', WATCH],
    ['grid worker watches and comments', actor('grid_worker', 'community'), 'street', WATCH],
    // Staff keep the console actions at every level; at their own rung they may also 催办 the receiver.
    ['community staff below their rung', actor('community_staff', 'community'), 'building', ['transfer', 'merge', 'comment']],
    ['community staff at community', actor('community_staff', 'community'), 'community', ['transfer', 'merge', 'urge', 'comment']],
    ['street staff at community', actor('street_staff', 'street'), 'community', ['transfer', 'merge', 'comment']],
    ['street staff at street', actor('street_staff', 'street'), 'street', ['transfer', 'merge', 'urge', 'comment']],
    ['compound head of another compound', actor('compound_head', 'compound', 101), 'compound', []],
    ['building head of another building', actor('building_head', 'building', 1001), 'street', []],
  ];
  it.each(table)('%s (%#)', (_label, who, level, expected) => {
    expect(can(who, needAt(level))).toEqual(expected);
  });

  it('a submitted need at the head’s rung can be dispatched by the head, not published, rejected or merged', () => {
    expect(can(actor('compound_head', 'compound'), needAt('compound', 'submitted', { receiverOrgId: null }))).toEqual(['dispatch', 'urge', 'comment']);
    expect(can(actor('compound_head', 'compound'), needAt('building', 'submitted', { receiverOrgId: null }))).toEqual(['comment']);
  });

  it('outside the scope the need is not even visible', () => {
    const need = needAt('street');
    expect(canSee(relationTo(actor('compound_head', 'compound', 101), need, category), need)).toBe(false);
    expect(canSee(relationTo(actor('compound_head', 'compound'), need, category), need)).toBe(true);
  });

  it('the resident keeps the resident’s actions, whatever the level', () => {
    const resident = { userId: 1, openid: 'r', name: 'r', phone: null, roles: [] } as unknown as Actor;
    expect(can(resident, needAt('street', 'submitted', { receiverOrgId: null }))).toEqual(['cancel', 'urge', 'comment']);
  });
});

describe('代办: the channel a proxy files under', () => {
  const home = { streetId: 1, communityId: 10, compoundId: 100, buildingId: 1000, unitId: 10000 };
  it.each([
    ['community staff', actor('community_staff', 'community'), 'staff'],
    ['a grid worker', actor('grid_worker', 'community'), 'grid_worker'],
    ['the unit head', actor('unit_head', 'unit'), 'unit_head'],
    ['the building head', actor('building_head', 'building'), 'bldg_head'],
    ['the compound head', actor('compound_head', 'compound'), 'cmpd_head'],
    ['a building head of another building', actor('building_head', 'building', 1001), null],
    ['street staff', actor('street_staff', 'street'), null],
    ['a party member', actor('party_member', 'compound'), null],
  ] as const)('%s files as %s', (_label, who, channel) => {
    expect(proxyFilingChannel(who, home)).toBe(channel);
  });
});
