import type { Actor } from './actor';
import { covers, holdsRoleOver, withinGrids } from './scope';
import { maskPhone } from './user.presenter';

const path = { streetId: 1, communityId: 10, compoundId: 100, buildingId: 1000, unitId: 10000 };

describe('scope', () => {
  it.each([
    ['city', 0, true],
    ['street', 1, true],
    ['street', 2, false],
    ['community', 10, true],
    ['community', 11, false],
    ['compound', 100, true],
    ['compound', 101, false],
    ['building', 1000, true],
    ['building', 1001, false],
    ['unit', 10000, true],
    ['unit', 10001, false],
  ] as const)('a role on %s #%d covers the record: %s', (scopeLevel, scopeId, expected) => {
    expect(covers({ scopeLevel, scopeId }, path)).toBe(expected);
  });

  it('a building role does not cover a compound-level record', () => {
    expect(covers({ scopeLevel: 'building', scopeId: 1000 }, { streetId: 1, communityId: 10, compoundId: 100 })).toBe(false);
  });

  it('needs the right role as well as the right place', () => {
    const actor: Actor = {
      userId: 1,
      openid: 'x',
      name: '',
      phone: null,
      roles: [{ role: 'party_member', scopeLevel: 'compound', scopeId: 100, organisationId: 0 }],
    };
    expect(holdsRoleOver(actor, ['party_member'], path)).toBe(true);
    expect(holdsRoleOver(actor, ['compound_head'], path)).toBe(false);
  });
});

describe('maskPhone', () => {
  it.each([
    ['10000001234', '100****1234'],
    ['', ''],
    [null, ''],
    ['12345', '*****'],
  ])('%s → %s', (input, out) => expect(maskPhone(input)).toBe(out));

  describe('a grid worker in a community that drew grids reaches their grids only', () => {
    const worker = (reach?: Actor['gridReach']): Actor => ({
      userId: 7,
      openid: 'w',
      name: '网格员',
      phone: null,
      roles: [{ role: 'grid_worker', scopeLevel: 'community', scopeId: 10, organisationId: 0 }],
      ...(reach ? { gridReach: reach } : {}),
    });
    const inUnit = { ...path, buildingId: 1000, unitId: 10000 };
    const otherUnit = { ...path, buildingId: 1000, unitId: 10001 };
    const otherBuilding = { ...path, buildingId: 1001, unitId: 10010 };
    it.each([
      ['no grids drawn in the community', { drawn: [], places: [] }, [true, true, true, true]],
      ['grids drawn, on none', { drawn: [10], places: [] }, [false, false, false, true]],
      ['a whole building', { drawn: [10], places: [{ buildingId: 1000, unitId: 0 }] }, [true, true, false, true]],
      ['one unit', { drawn: [10], places: [{ buildingId: 1000, unitId: 10000 }] }, [true, false, false, true]],
      ['grids drawn in another community only', { drawn: [11], places: [] }, [true, true, true, true]],
    ] as const)('%s', (_, reach, [unit, sibling, building, communityOnly]) => {
      const who = worker({ drawn: [...reach.drawn], places: [...reach.places] });
      expect([inUnit, otherUnit, otherBuilding, { streetId: 1, communityId: 10 }].map((p) => holdsRoleOver(who, ['grid_worker'], p))).toEqual([
        unit,
        sibling,
        building,
        communityOnly,
      ]);
    });
    it('narrows the grid worker role only, not another role the person holds', () => {
      const both: Actor = { ...worker({ drawn: [10], places: [] }), roles: [...worker().roles, { role: 'building_head', scopeLevel: 'building', scopeId: 1001, organisationId: 0 }] };
      expect(holdsRoleOver(both, ['building_head'], otherBuilding)).toBe(true);
      expect(holdsRoleOver(both, ['grid_worker'], otherBuilding)).toBe(false);
      expect(withinGrids({}, otherBuilding)).toBe(true);
    });
  });
});
