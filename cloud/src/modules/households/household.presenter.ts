import type { EntityManager } from 'typeorm';
import { MEMBERSHIP_STATUS_LABEL, type MembershipDTO, type VerifyQueueItemDTO } from '@hg/types';
import { joinPlaceNames } from '../community/public';
import { maskPhone } from '../identity/public';
import { HouseholdMember } from './household-member.entity';
import { Household } from './household.entity';

/** Where a household is: its room and the unit, building and compound it is in. */
export interface HouseholdPlace {
  room: string;
  unit: { id: number; name: string };
  building: { id: number; name: string };
  compound: { id: number; name: string };
}

/** Room, unit, building and compound names of households, in one joined query. */
export async function householdPlaces(em: EntityManager, householdIds: readonly number[]): Promise<Map<number, HouseholdPlace>> {
  if (!householdIds.length) return new Map();
  const raw: Record<string, string | number>[] = await joinPlaceNames(em.createQueryBuilder(Household, 'h').select(['h.id AS hid', 'h.room AS room']), {
    unitId: 'h.unitId',
    buildingId: 'h.buildingId',
    compoundId: 'h.compoundId',
  })
    .where('h.id IN (:...ids)', { ids: [...new Set(householdIds)] })
    .getRawMany();
  return new Map(
    raw.map((r) => [
      Number(r.hid),
      {
        room: String(r.room),
        unit: { id: Number(r.uid), name: String(r.uname) },
        building: { id: Number(r.bid), name: String(r.bname) },
        compound: { id: Number(r.cid), name: String(r.cname) },
      },
    ]),
  );
}

/** Present memberships with their place names. */
export async function presentMemberships(em: EntityManager, rows: HouseholdMember[]): Promise<MembershipDTO[]> {
  if (!rows.length) return [];
  const places = await householdPlaces(
    em,
    rows.map((r) => r.householdId),
  );
  return rows.map((m) => membershipDTO(m, places.get(m.householdId)!));
}

/**
 * A person's bindings with their places, newest first, in ONE statement (me.get, on every first
 * paint): the members joined to their households and place names.
 */
export async function presentedMembershipsOf(em: EntityManager, userId: number): Promise<MembershipDTO[]> {
  const { entities, raw } = await joinPlaceNames(
    em.createQueryBuilder(HouseholdMember, 'm').innerJoin(Household, 'h', 'h.id = m.householdId').addSelect('h.room', 'room'),
    { unitId: 'h.unitId', buildingId: 'h.buildingId', compoundId: 'h.compoundId' },
  )
    .where('m.userId = :userId', { userId })
    .orderBy('m.id', 'DESC')
    .getRawAndEntities<Record<string, string | number>>();
  return entities.map((m, i) => {
    const r = raw[i];
    return membershipDTO(m, {
      room: String(r.room),
      unit: { id: Number(r.uid), name: String(r.uname) },
      building: { id: Number(r.bid), name: String(r.bname) },
      compound: { id: Number(r.cid), name: String(r.cname) },
    });
  });
}

function membershipDTO(m: HouseholdMember, place: HouseholdPlace): MembershipDTO {
  const { room, unit, building, compound } = place;
  return {
    id: m.id,
    householdId: m.householdId,
    status: m.status,
    statusLabel: MEMBERSHIP_STATUS_LABEL[m.status],
    relation: m.relation,
    compound: { id: compound.id, name: compound.name },
    building: { id: building.id, name: building.name },
    unit: { id: unit.id, name: unit.name },
    room,
    address: `${compound.name}${building.name}${unit.name}${room}`,
    rejectReason: m.rejectReason,
    createdAt: m.createdAt.toISOString(),
    verifiedAt: m.verifiedAt ? m.verifiedAt.toISOString() : null,
  };
}

export async function presentQueueItems(em: EntityManager, rows: HouseholdMember[]): Promise<VerifyQueueItemDTO[]> {
  const base = await presentMemberships(em, rows);
  return base.map((dto, i) => ({ ...dto, applicantName: rows[i].applicantName, applicantPhoneMasked: maskPhone(rows[i].applicantPhone) }));
}
