import { ZVerifyMembershipRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, invalidTransition, notFound } from '../../../core/errors';
import { communityRepo } from '../../community/community.repository';
import { canVerify } from '../household.policy';
import { presentMemberships } from '../household.presenter';
import { HouseholdMember } from '../household-member.entity';
import { MembershipEvent } from '../membership-event.entity';
import { canTransition } from '../membership-status';

/**
 * A verifier approves or rejects a pending binding. Compare-and-set on `pending`: two verifiers
 * tapping at once produce one decision and one event row.
 */
export const verifyMembership = defineAction({
  input: ZVerifyMembershipRequest,
  async handler({ membershipId, approve, reason }, { actor, ds, tx }) {
    const updated = await tx(async (em) => {
      const m = await em.findOne(HouseholdMember, { where: { id: membershipId } });
      if (!m) throw notFound('绑定申请');
      const compound = await communityRepo.compound(em, m.compoundId);
      if (!compound) throw notFound('小区');
      const path = { streetId: compound.streetId, communityId: m.communityId, compoundId: m.compoundId, buildingId: m.buildingId };
      if (!canVerify(actor, path)) throw forbidden('只有本楼栋长、小区长或社区工作人员可以审核');
      if (m.userId === actor.userId) throw forbidden('不能审核自己的绑定申请');

      const to = approve ? 'verified' : 'rejected';
      if (!canTransition(m.status, to)) throw invalidTransition('该申请已处理');
      const now = clock.now();
      const res = await em.update(
        HouseholdMember,
        { id: m.id, status: 'pending' },
        { status: to, verifiedBy: actor.userId, verifiedAt: now, rejectReason: approve ? null : (reason ?? null), updatedAt: now },
      );
      if (!res.affected) throw invalidTransition('该申请已被其他人处理');
      await em.insert(MembershipEvent, { membershipId: m.id, actorId: actor.userId, fromStatus: 'pending', toStatus: to, note: reason ?? null, createdAt: now });
      return em.findOneByOrFail(HouseholdMember, { id: m.id });
    });
    const [dto] = await presentMemberships(ds.manager, [updated]);
    return dto;
  },
});
