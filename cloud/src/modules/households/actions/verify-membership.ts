import { ZVerifyMembershipRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, notFound } from '../../../core/errors';
import { transition } from '../../../core/state-machine';
import { Notifier } from '../../notifications/public';
import { communityRepo } from '../../community/public';
import { canVerify } from '../household.policy';
import { presentMemberships } from '../household.presenter';
import { HouseholdMember } from '../household-member.entity';
import { MEMBERSHIP_MACHINE } from '../membership-status';

/**
 * A verifier approves or rejects a pending binding. Compare-and-set on `pending`: two verifiers
 * tapping at once produce one decision and one event row.
 */
export const verifyMembership = defineAction({
  input: ZVerifyMembershipRequest,
  async handler({ membershipId, approve, reason }, { actor, ds, tx }) {
    const notifier = new Notifier();
    const updated = await tx(async (em) => {
      const m = await em.findOne(HouseholdMember, { where: { id: membershipId } });
      if (!m) throw notFound('绑定申请');
      const compound = await communityRepo.compound(em, m.compoundId);
      if (!compound) throw notFound('小区');
      const path = { streetId: compound.streetId, communityId: m.communityId, compoundId: m.compoundId, buildingId: m.buildingId };
      if (!canVerify(actor, path)) throw forbidden('只有本楼栋长、小区长或社区工作人员可以审核');
      if (m.userId === actor.userId) throw forbidden('不能审核自己的绑定申请');

      const now = clock.now();
      await transition({
        em,
        machine: MEMBERSHIP_MACHINE,
        entity: HouseholdMember,
        row: m,
        action: approve ? 'verify' : 'reject',
        patch: { verifiedBy: actor.userId, verifiedAt: now, rejectReason: approve ? null : (reason ?? null), updatedAt: now },
        at: now,
        conflictMessage: '该申请已被其他人处理',
        actorId: actor.userId,
        data: { note: reason ?? null },
      });
      await notifier.to(em, [m.userId], {
        kind: 'membership_update',
        subject: { subjectKind: 'membership', subjectId: m.id },
        title: approve ? '房屋认证已通过' : '房屋认证未通过',
        body: approve ? '您现在可以点单、评价物业了' : `原因：${reason ?? '信息与登记不符'}`,
      });
      return em.findOneByOrFail(HouseholdMember, { id: m.id });
    });
    const [dto] = await presentMemberships(ds.manager, [updated]);
    return dto;
  },
});
