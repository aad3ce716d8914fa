import type { EntityManager } from 'typeorm';
import { recordEvent } from '../../core/subject-log';
import { HouseholdMember } from './household-member.entity';
import { Household } from './household.entity';

/**
 * Setting up a city's households outside the binding flow (the demo city; an import from a
 * register would do the same): the rooms of a unit, and homes whose verification happened before
 * the app. Residents bind through the `bind` action instead.
 */

/** Register the rooms (户) of one unit, in one insert. */
export async function registerRooms(
  em: EntityManager,
  unit: { unitId: number; buildingId: number; compoundId: number; communityId: number },
  rooms: readonly string[],
): Promise<void> {
  if (!rooms.length) return;
  await em.insert(
    Household,
    rooms.map((room) => ({ ...unit, room })),
  );
}

/**
 * Bind a person to the room `room` of unit `unitId` as its verified owner, with the 'verified'
 * step in the subject log (acted by the person, `note` saying where the verification came from).
 */
export async function addVerifiedOwner(
  em: EntityManager,
  home: { unitId: number; room: string; userId: number; name: string; phone: string; at: Date; note: string },
): Promise<void> {
  const household = await em.findOneOrFail(Household, { where: { unitId: home.unitId, room: home.room } });
  const m = await em.save(
    em.create(HouseholdMember, {
      householdId: household.id,
      userId: home.userId,
      buildingId: household.buildingId,
      compoundId: household.compoundId,
      communityId: household.communityId,
      relation: 'owner',
      status: 'verified',
      applicantName: home.name,
      applicantPhone: home.phone,
      rejectReason: null,
      verifiedBy: null,
      verifiedAt: home.at,
      createdAt: home.at,
      updatedAt: home.at,
    }),
  );
  await recordEvent(em, { subjectKind: 'membership', subjectId: m.id, action: 'verified', to: 'verified', actorId: home.userId, at: home.at, data: { note: home.note } });
}
