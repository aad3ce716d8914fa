import { ErrorCode, ZBindHouseholdRequest } from '@hg/types';
import { IsNull } from 'typeorm';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { AppError, conflict, invalidInput, isUniqueViolation, notFound } from '../../../core/errors';
import { findOrCreateHousehold } from '../household.repository';
import { communityRepo } from '../../community/community.repository';
import { User } from '../../users/user.entity';
import { MAX_PENDING_PER_USER } from '../household.policy';
import { presentMemberships } from '../household.presenter';
import { HouseholdMember } from '../household-member.entity';
import { MembershipEvent } from '../membership-event.entity';

/**
 * A resident asks to be bound to a room (building, unit, room, name, phone). The binding waits
 * as `pending` until the building head, compound head or community staff verifies it.
 */
export const bindHousehold = defineAction({
  input: ZBindHouseholdRequest,
  async handler(input, { actor, ds, tx }) {
    const compound = await communityRepo.compound(ds.manager, input.compoundId);
    if (!compound) throw notFound('小区');
    const building = await communityRepo.building(ds.manager, input.buildingId);
    if (!building || building.compoundId !== compound.id) throw invalidInput('buildingId', '楼栋不属于该小区');
    const unit = await communityRepo.unit(ds.manager, input.unitId);
    if (!unit || unit.buildingId !== building.id) throw invalidInput('unitId', '单元不属于该楼栋');
    const pending = await ds.manager.count(HouseholdMember, { where: { userId: actor.userId, status: 'pending' } });
    if (pending >= MAX_PENDING_PER_USER) {
      throw new AppError(ErrorCode.RATE_LIMITED, `待审核的房屋已有${MAX_PENDING_PER_USER}处，请等待审核后再申请`);
    }
    // The room registry row is created on its own, before the transaction: it describes a real
    // room, not this request, and racing first applicants must not deadlock on its unique key.
    const household = await findOrCreateHousehold(ds, {
      unitId: unit.id,
      buildingId: building.id,
      compoundId: compound.id,
      communityId: compound.communityId,
      room: input.room.toUpperCase(),
    });

    const membership = await tx(async (em) => {
      const now = clock.now();
      const existing = await em.findOne(HouseholdMember, { where: { householdId: household.id, userId: actor.userId } });
      let row: HouseholdMember;
      if (existing) {
        if (existing.status !== 'rejected') throw conflict(existing.status === 'verified' ? '您已绑定该房屋' : '该房屋的绑定申请正在审核中');
        // Re-apply after a rejection: compare-and-set so a double tap cannot apply twice.
        const res = await em.update(
          HouseholdMember,
          { id: existing.id, status: 'rejected' },
          { status: 'pending', relation: input.relation, applicantName: input.name, applicantPhone: input.phone, rejectReason: null, verifiedBy: null, verifiedAt: null, updatedAt: now },
        );
        if (!res.affected) throw conflict('该房屋的绑定申请正在审核中');
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
      }
      await em.insert(MembershipEvent, {
        membershipId: row.id,
        actorId: actor.userId,
        fromStatus: existing ? existing.status : null,
        toStatus: 'pending',
        note: null,
        createdAt: now,
      });
      // The first binding also fills in the profile, so the person need not type it twice.
      await em.update(User, { id: actor.userId, name: '' }, { name: input.name });
      await em.update(User, { id: actor.userId, phone: IsNull() }, { phone: input.phone });
      return row;
    });
    const [dto] = await presentMemberships(ds.manager, [membership]);
    return dto;
  },
});
