import type { Actor, ActorRole } from '../identity/public';
import { bookingChannelFor } from './booking.policy';
import type { Elder } from './elder.entity';

const CENTRE = 7;
/** An elder of street 1 / community 2, known to the app as user 100. */
const elder = { userId: 100, centreId: CENTRE, streetId: 1, communityId: 2 } as Elder;
const actor = (userId: number, ...roles: Partial<ActorRole>[]): Actor =>
  ({
    userId,
    openid: `o${userId}`,
    name: '',
    phone: null,
    roles: roles.map((r) => ({ scopeLevel: 'community', scopeId: 2, organisationId: 0, ...r })),
  }) as Actor;

describe('代订: who may book for an elder, and as which channel (family links are read apart)', () => {
  it.each([
    ['the elder', actor(100), 'self'],
    ['centre staff', actor(1, { role: 'care_staff', organisationId: CENTRE }), 'staff'],
    ['care staff of another centre', actor(2, { role: 'care_staff', organisationId: 8 }), null],
    ['a grid worker over the community', actor(3, { role: 'grid_worker' }), 'grid_worker'],
    // Each proxy books under its own office (identity's one proxy rule, needs' 代办 too).
    ['community staff over the community', actor(4, { role: 'community_staff' }), 'community'],
    ['a grid worker of another community', actor(5, { role: 'grid_worker', scopeId: 99 }), null],
    // This elder's profile knows no household: only the community places her, so no head reaches her.
    ['a compound head', actor(6, { role: 'compound_head', scopeLevel: 'compound', scopeId: 100 }), null],
    ['a unit head', actor(7, { role: 'unit_head', scopeLevel: 'unit', scopeId: 1000 }), null],
    ['street staff', actor(8, { role: 'street_staff', scopeLevel: 'street', scopeId: 1 }), null],
    ['a stranger', actor(9), null],
  ] as const)('%s → %s', (_label, who, channel) => {
    expect(bookingChannelFor(who, elder)).toBe(channel);
  });
});

describe('代订 by the heads of the elder\'s own building (a profile that knows the household)', () => {
  const housed = { ...elder, userId: null, compoundId: 100, buildingId: 1000, unitId: 10000 } as Elder;
  it.each([
    ['the building head of her building', actor(10, { role: 'building_head', scopeLevel: 'building', scopeId: 1000 }), 'bldg_head'],
    ['the building head of another building', actor(11, { role: 'building_head', scopeLevel: 'building', scopeId: 1001 }), null],
    ['her unit head', actor(12, { role: 'unit_head', scopeLevel: 'unit', scopeId: 10000 }), 'unit_head'],
    ['her compound head', actor(13, { role: 'compound_head', scopeLevel: 'compound', scopeId: 100 }), 'cmpd_head'],
    ['a grid worker over the community', actor(14, { role: 'grid_worker' }), 'grid_worker'],
  ] as const)('%s → %s', (_label, who, channel) => {
    expect(bookingChannelFor(who, housed)).toBe(channel);
  });
});
