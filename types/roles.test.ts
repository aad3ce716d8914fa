import { Role, type Role as TRole } from './enums';
import { ESCALATION_ORDER, type EscalationLevel } from './needs';
import { capabilitiesOf, ESCALATION_LIST_ROLES, LADDER, LADDER_RUNG } from './roles';

describe('the escalation ladder (小事不出楼栋、大事不出小区), one definition', () => {
  // Every role: the rung it answers for (null = helps, but is not on the ladder) and whether it has 升级待办.
  const table: [TRole, EscalationLevel | null, boolean][] = [
    ['unit_head', null, false], // helps the building head; the building rung is the building head's
    ['building_head', 'building', true],
    ['compound_head', 'compound', true],
    ['community_staff', 'community', true],
    ['street_staff', 'street', true],
    ['grid_worker', null, true], // follows what left the building in their grid
    ['party_member', null, false],
    ['org_staff', null, false],
    ['care_staff', null, false],
    ['assessor', null, false],
    ['admin', null, false],
  ];

  it('the table names every role once', () => {
    expect(table.map(([role]) => role).sort()).toEqual(Object.values(Role).sort());
  });

  it.each(table)('%s answers at %s (升级待办: %s)', (role, rung, list) => {
    expect(LADDER_RUNG[role] ?? null).toBe(rung);
    expect(rung === null || LADDER[rung].includes(role)).toBe(true);
    expect(ESCALATION_LIST_ROLES.includes(role)).toBe(list);
    expect(capabilitiesOf([{ role }]).handleEscalations).toBe(list);
  });

  it('has the rungs in escalation order, building first, and no role on two rungs', () => {
    expect(Object.keys(LADDER)).toEqual(ESCALATION_ORDER);
    const onLadder = Object.values(LADDER).flat();
    expect(new Set(onLadder).size).toBe(onLadder.length);
  });
});
