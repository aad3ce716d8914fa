import { ZDecideLinkRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, notFound } from '../../../core/errors';
import { transition } from '../../../core/state-machine';
import { usersById } from '../../identity/public';
import { Notifier } from '../../notifications/public';
import { relationToLink } from '../booking.policy';
import { Elder } from '../elder.entity';
import { FamilyLink } from '../family-link.entity';
import { LINK_MACHINE, presentLinks, tellElderOfLink } from '../family-links';

/**
 * Centre staff verify or reject a family link (compare-and-set on pending; the member is told).
 * Someone with no part in the link gets NOT_FOUND, as for a missing one: the answer never confirms
 * that a link (or an application for an elder) exists.
 */
export const decideLink = defineAction({
  input: ZDecideLinkRequest,
  async handler({ linkId, approve }, ctx) {
    const now = clock.now();
    const notifier = new Notifier();
    const link = await ctx.tx(async (em) => {
      const row = await em.findOne(FamilyLink, { where: { id: linkId } });
      const elder = row ? await em.findOne(Elder, { where: { id: row.elderId } }) : null;
      const rel = row ? relationToLink(ctx.actor, row, elder) : null;
      if (!row || !rel?.party) throw notFound('关联申请');
      if (!rel.staff) throw forbidden('只有本中心工作人员可以核实');
      await transition({
        em,
        machine: LINK_MACHINE,
        entity: FamilyLink,
        row,
        action: approve ? 'verify' : 'reject',
        patch: { decidedById: ctx.actor.userId, decidedAt: now },
        at: now,
        conflictMessage: '该申请已被其他人处理',
        actorId: ctx.actor.userId,
      });
      await notifier.to(em, [row.userId], {
        kind: 'booking_update',
        // Opens 为家人订餐, where the applicant sees the decision on the link.
        subject: { subjectKind: 'family-link', subjectId: row.id },
        title: approve ? '家属关联已通过' : '家属关联未通过',
        body: approve ? '您现在可以为老人订餐了' : '如有疑问请联系日间照料中心',
      });
      if (approve && elder) await tellElderOfLink(em, notifier, elder, (await usersById(em, [row.userId])).get(row.userId) ?? {}, 'verified');
      return row;
    });
    const [dto] = await presentLinks(ctx.ds.manager, [link], 'staff');
    return dto;
  },
});
