import { BOOKINGS_SETTINGS_DEFAULTS } from '@hg/types';
import type { Actor, ActorRole } from '../identity/public';
import { elderView, elderViewers, presentPrice, type ElderView } from './elder-visibility';

const CENTRE = 7;
const elder = { userId: 100, centreId: CENTRE, streetId: 1, communityId: 2 };
const actor = (userId: number, roles: Partial<ActorRole>[] = []): Actor =>
  ({
    userId,
    openid: `o${userId}`,
    name: '',
    phone: null,
    roles: roles.map((r) => ({ scopeLevel: 'community', scopeId: 2, organisationId: 0, ...r })),
  }) as Actor;
const price = { priceFen: 1200, subsidyFen: 600, payFen: 600, tier: 'dibao' as const };

/** [who, actor, verified family?, what they see] */
const CASES: [string, Actor, boolean, ElderView][] = [
  ['the elder', actor(100), false, { subsidy: true, livingSituation: true, profile: true, bookingWarnings: true }],
  [
    'centre staff',
    actor(1, [{ role: 'care_staff', organisationId: CENTRE }]),
    false,
    { subsidy: true, livingSituation: true, profile: true, bookingWarnings: true },
  ],
  ['verified family', actor(2), true, { subsidy: false, livingSituation: false, profile: false, bookingWarnings: true }],
  [
    'a grid worker over the community',
    actor(3, [{ role: 'grid_worker' }]),
    false,
    { subsidy: false, livingSituation: true, profile: false, bookingWarnings: true },
  ],
  [
    'community staff over it (a proxy booker)',
    actor(4, [{ role: 'community_staff' }]),
    false,
    { subsidy: false, livingSituation: true, profile: false, bookingWarnings: true },
  ],
  [
    'a grid worker of another community',
    actor(5, [{ role: 'grid_worker', scopeId: 99 }]),
    false,
    { subsidy: false, livingSituation: false, profile: false, bookingWarnings: false },
  ],
  [
    'care staff of another centre',
    actor(6, [{ role: 'care_staff', organisationId: 8 }]),
    false,
    { subsidy: false, livingSituation: false, profile: false, bookingWarnings: false },
  ],
  ['a stranger (even one who once booked)', actor(7), false, { subsidy: false, livingSituation: false, profile: false, bookingWarnings: false }],
  [
    'family who is also a grid worker over them: the union',
    actor(8, [{ role: 'grid_worker' }]),
    true,
    { subsidy: false, livingSituation: true, profile: false, bookingWarnings: true },
  ],
];

describe('who sees what of an elder', () => {
  it.each(CASES)('%s', (_who, a, family, expected) => {
    const view = elderView(elderViewers(a, elder, family));
    expect(view).toEqual(expected);
    const shown = presentPrice(price, view, BOOKINGS_SETTINGS_DEFAULTS);
    if (expected.subsidy) expect(shown).toEqual({ price, tierLabel: '低保' });
    else expect(shown).toEqual({ price: { priceFen: 1200, subsidyFen: null, payFen: null, tier: null }, tierLabel: null });
  });

  it('names the tier as the city settings call it', () => {
    const renamed = { ...BOOKINGS_SETTINGS_DEFAULTS, subsidy: { ...BOOKINGS_SETTINGS_DEFAULTS.subsidy, dibao: { label: '低保户', fen: 600 } } };
    expect(presentPrice(price, elderView(['self']), renamed).tierLabel).toBe('低保户');
  });
});
