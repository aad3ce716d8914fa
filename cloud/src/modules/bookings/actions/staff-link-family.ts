import { ZStaffLinkFamilyRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { conflict, forbidden, invalidInput, notFound } from '../../../core/errors';
import { transition } from '../../../core/state-machine';
import { recordEvent } from '../../../core/subject-log';
import { userByPhone } from '../../identity/public';
import { Notifier } from '../../notifications/public';
import { isCentreStaff } from '../booking.policy';
import { Elder } from '../elder.entity';
import { FamilyLink } from '../family-link.entity';
import { LINK_MACHINE, presentLinks, tellElderOfLink } from '../family-links';

/**
 * 中心代为关联: centre staff link a family member to an elder of their centre themselves — the
 * elder without a phone cannot be named by a phone tail, and the centre knows her son. The member
 * is named by the phone of their account; the link is verified at once, by this staff member (the
 * subject log records who), or an open or refused application of theirs is confirmed. The member
 * and the elder (if she has an account) are told.
 */
export const staffLinkFamily = defineAction({
  input: ZStaffLinkFamilyRequest,
  async handler({ elderId, memberPhone, relationNote }, ctx) {
    const now = clock.now();
    const notifier = new Notifier();
    const link = await ctx.tx(async (em) => {
      const elder = await em.findOne(Elder, { where: { id: elderId } });
      if (!elder) throw notFound('老人档案');
      if (!isCentreStaff(ctx.actor, elder.centreId)) throw forbidden('只有老人建档中心的工作人员可以代为关联');
      const member = await userByPhone(em, memberPhone);
      if (!member) throw invalidInput('memberPhone', '没有找到使用这个手机号的账号：请家属先登录小程序并填写手机号');
      if (member.id === elder.userId) throw invalidInput('memberPhone', '这是老人本人的账号');
      const existing = await em.findOne(FamilyLink, { where: { elderId, userId: member.id } });
      let row: FamilyLink;
      if (existing) {
        if (existing.status === 'verified') throw conflict('该家属已关联这位老人');
        await transition({
          em,
          machine: LINK_MACHINE,
          entity: FamilyLink,
          row: existing,
          action: 'staffLink',
          patch: { decidedById: ctx.actor.userId, decidedAt: now, ...(relationNote ? { relationNote } : {}) },
          at: now,
          conflictMessage: '该申请已被其他人处理',
          actorId: ctx.actor.userId,
        });
        row = existing;
      } else {
        row = await em.save(
          em.create(FamilyLink, {
            elderId,
            centreId: elder.centreId,
            userId: member.id,
            relationNote: relationNote ?? '',
            status: 'verified',
            decidedById: ctx.actor.userId,
            decidedAt: now,
            createdAt: now,
          }),
        );
        await recordEvent(em, {
          subjectKind: LINK_MACHINE.name,
          subjectId: row.id,
          action: 'linked_by_staff',
          to: 'verified',
          actorId: ctx.actor.userId,
          at: now,
        });
      }
      await notifier.to(em, [member.id], {
        kind: 'booking_update',
        // Opens 为家人订餐, where the family member sees the link and books.
        subject: { subjectKind: 'family-link', subjectId: row.id },
        title: '中心已为您关联老人',
        body: `您已关联${elder.name}，现在可以为老人订餐了`,
      });
      await tellElderOfLink(em, notifier, elder, { name: member.name, phone: memberPhone }, 'linked_by_staff');
      return row;
    });
    const [dto] = await presentLinks(ctx.ds.manager, [link], 'staff');
    return dto;
  },
});
