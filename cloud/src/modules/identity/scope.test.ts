import type { Actor } from './actor';
import { covers, holdsRoleOver } from './scope';
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
});
