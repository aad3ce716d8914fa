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
    // Every proxy books as 网格员代订: the booking channels have no community-staff channel.
    ['community staff over the community', actor(4, { role: 'community_staff' }), 'grid_worker'],
    ['a grid worker of another community', actor(5, { role: 'grid_worker', scopeId: 99 }), null],
    // The elder is placed on the community only: a head (compound, building, unit) never reaches it.
    ['a compound head', actor(6, { role: 'compound_head', scopeLevel: 'compound', scopeId: 100 }), null],
    ['a unit head', actor(7, { role: 'unit_head', scopeLevel: 'unit', scopeId: 1000 }), null],
    ['street staff', actor(8, { role: 'street_staff', scopeLevel: 'street', scopeId: 1 }), null],
    ['a stranger', actor(9), null],
  ] as const)('%s → %s', (_label, who, channel) => {
    expect(bookingChannelFor(who, elder)).toBe(channel);
  });
});
