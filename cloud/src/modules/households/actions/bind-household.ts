import { ZBindHouseholdRequest } from '@hg/types';
import type { EntityManager } from 'typeorm';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { conflict, invalidInput, isUniqueViolation, notFound } from '../../../core/errors';
import { transition } from '../../../core/state-machine';
import { recordEvent } from '../../../core/subject-log';
import { communityRepo } from '../../community/public';
import { fillProfileIfEmpty, underLimit, type UsageLimit } from '../../identity/public';
import { MAX_PENDING_PER_USER } from '../household.policy';
import { presentMemberships } from '../household.presenter';
import { HouseholdMember } from '../household-member.entity';
import { Household } from '../household.entity';
import { MEMBERSHIP_MACHINE } from '../membership-status';

/** Another first applicant registered the room while this transaction tried to. */
class RoomRegisteredMeanwhile extends Error {}

/** Attempts of the whole binding when first applicants race on a new room's unique key. */
const ROOM_RACE_ATTEMPTS = 3;

/**
 * A resident asks to be bound to a room (building, unit, room, name, phone). The binding waits
 * as `pending` until the building head, compound head or community staff verifies it.
 */
export const bindHousehold = defineAction({
  input: ZBindHouseholdRequest,
  async handler(input, ctx) {
    const { actor, ds } = ctx;
    const compound = await communityRepo.compound(ds.manager, input.compoundId);
    if (!compound) throw notFound('小区');
    const building = await communityRepo.building(ds.manager, input.buildingId);
    if (!building || building.compoundId !== compound.id) throw invalidInput('buildingId', '楼栋不属于该小区');
    const unit = await communityRepo.unit(ds.manager, input.unitId);
    if (!unit || unit.buildingId !== building.id) throw invalidInput('unitId', '单元不属于该楼栋');
    const room: Omit<Household, 'id'> = {
      unitId: unit.id,
      buildingId: building.id,
      compoundId: compound.id,
      communityId: compound.communityId,
      room: input.room.toUpperCase(),
    };
    const pendingLimit: UsageLimit = {
      userId: actor.userId,
      scope: 'households.pending',
      max: MAX_PENDING_PER_USER,
      used: (em) => em.count(HouseholdMember, { where: { userId: actor.userId, status: 'pending' } }),
      message: `待审核的房屋已有${MAX_PENDING_PER_USER}处，请等待审核后再申请`,
    };

    // The limit, the room's registry row and the membership are one transaction, so a refused
    // request registers no room (the compound's household count is public).
    const bind = () =>
      underLimit(ctx, pendingLimit, async (em) => {
        const now = clock.now();
        const household = await registerRoom(em, room);
        const existing = await em.findOne(HouseholdMember, { where: { householdId: household.id, userId: actor.userId } });
        let row: HouseholdMember;
        if (existing) {
          if (existing.status !== 'rejected') throw conflict(existing.status === 'verified' ? '您已绑定该房屋' : '该房屋的绑定申请正在审核中');
          // Re-apply after a rejection: the machine's compare-and-set, so a double tap cannot apply twice.
          await transition({
            em,
            machine: MEMBERSHIP_MACHINE,
            entity: HouseholdMember,
            row: existing,
            action: 'reapply',
            patch: {
              relation: input.relation,
              applicantName: input.name,
              applicantPhone: input.phone,
              rejectReason: null,
              verifiedBy: null,
              verifiedAt: null,
              updatedAt: now,
            },
            at: now,
            actorId: actor.userId,
            conflictMessage: '该房屋的绑定申请正在审核中',
          });
          row = await em.findOneByOrFail(HouseholdMember, { id: existing.id });
        } else {
          try {
            row = await em.save(
              em.create(HouseholdMember, {
                householdId: household.id,
                userId: actor.userId,
                buildingId: building.id,
                compoundId: compound.id,
                communityId: compound.communityId,
                relation: input.relation,
                status: 'pending',
                applicantName: input.name,
                applicantPhone: input.phone,
                rejectReason: null,
                verifiedBy: null,
                verifiedAt: null,
                createdAt: now,
                updatedAt: now,
              }),
            );
          } catch (err) {
            if (isUniqueViolation(err)) throw conflict('该房屋的绑定申请正在审核中');
            throw err;
          }
          await recordEvent(em, { subjectKind: MEMBERSHIP_MACHINE.name, subjectId: row.id, action: 'applied', to: 'pending', actorId: actor.userId, at: now });
        }
        // The first binding also fills in the profile, so the person need not type it twice.
        await fillProfileIfEmpty(em, actor.userId, { name: input.name, phone: input.phone });
        return row;
      });

    let membership: HouseholdMember | undefined;
    for (let attempt = 1; !membership; attempt++) {
      try {
        membership = await bind();
      } catch (err) {
        if (!(err instanceof RoomRegisteredMeanwhile)) throw err;
        if (attempt >= ROOM_RACE_ATTEMPTS) throw conflict('该房屋正在登记，请稍后重试');
      }
    }
    const [dto] = await presentMemberships(ds.manager, [membership]);
    return dto;
  },
});

/**
 * Find or register the room inside the binding's transaction. Racing first applicants meet on
 * the (unitId, room) unique key: the loser waits for the winner's commit, then gets a duplicate
 * key, and its transaction's snapshot cannot show the winner's row (MySQL repeatable read), so the
 * whole binding is retried from a fresh transaction instead of re-reading here.
 */
async function registerRoom(em: EntityManager, room: Omit<Household, 'id'>): Promise<Household> {
  const found = await em.findOne(Household, { where: { unitId: room.unitId, room: room.room } });
  if (found) return found;
  try {
    return await em.save(em.create(Household, room));
  } catch (err) {
    if (isUniqueViolation(err)) throw new RoomRegisteredMeanwhile();
    throw err;
  }
}
