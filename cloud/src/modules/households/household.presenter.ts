import { In, type EntityManager } from 'typeorm';
import { MEMBERSHIP_STATUS_LABEL, type MembershipDTO, type VerifyQueueItemDTO } from '@hg/types';
import { Building } from '../community/building.entity';
import { byId } from '../community/community.repository';
import { Compound } from '../community/compound.entity';
import { Unit } from '../community/unit.entity';
import { maskPhone } from '../users/user.presenter';
import type { HouseholdMember } from './household-member.entity';
import { Household } from './household.entity';

/** Present memberships with their place names, loading each kind of parent in one query. */
export async function presentMemberships(em: EntityManager, rows: HouseholdMember[]): Promise<MembershipDTO[]> {
  if (!rows.length) return [];
  const households = await em.find(Household, { where: { id: In([...new Set(rows.map((r) => r.householdId))]) } });
  const hh = new Map(households.map((h) => [h.id, h]));
  const [units, buildings, compounds] = await Promise.all([
    byId(em, Unit, households.map((h) => h.unitId)),
    byId(em, Building, households.map((h) => h.buildingId)),
    byId(em, Compound, households.map((h) => h.compoundId)),
  ]);
  return rows.map((m) => {
    const h = hh.get(m.householdId)!;
    const unit = units.get(h.unitId)!;
    const building = buildings.get(h.buildingId)!;
    const compound = compounds.get(h.compoundId)!;
    return {
      id: m.id,
      householdId: m.householdId,
      status: m.status,
      statusLabel: MEMBERSHIP_STATUS_LABEL[m.status],
      relation: m.relation,
      compound: { id: compound.id, name: compound.name },
      building: { id: building.id, name: building.name },
      unit: { id: unit.id, name: unit.name },
      room: h.room,
      address: `${compound.name}${building.name}${unit.name}${h.room}`,
      rejectReason: m.rejectReason,
      createdAt: m.createdAt.toISOString(),
      verifiedAt: m.verifiedAt ? m.verifiedAt.toISOString() : null,
    };
  });
}

export async function presentQueueItems(em: EntityManager, rows: HouseholdMember[]): Promise<VerifyQueueItemDTO[]> {
  const base = await presentMemberships(em, rows);
  return base.map((dto, i) => ({ ...dto, applicantName: rows[i].applicantName, applicantPhoneMasked: maskPhone(rows[i].applicantPhone) }));
}
