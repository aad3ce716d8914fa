import { CARE_ROLES, ErrorCode, ZLinkFamilyRequest } from '@hg/types';
import { Like } from 'typeorm';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { AppError, notFound } from '../../../core/errors';
import { transition } from '../../../core/state-machine';
import { recordEvent } from '../../../core/subject-log';
import { underLimit, usersWithRoleOver } from '../../identity/public';
import { Notifier } from '../../notifications/public';
import { loadCentre } from '../centres';
import { Elder } from '../elder.entity';
import { FamilyLink } from '../family-link.entity';
import { LINK_MACHINE, presentLinks, tellElderOfLink } from '../family-links';
import { LinkAttempt } from '../link-attempt.entity';
import { TOO_MANY_LINK_TRIES, elderMissesLeft, ensureLinkTarget, linkTryLimit } from '../link-limits';

/**
 * 家属关联: a family member (anywhere — a child in another city) asks to book for an elder of a
 * centre, naming the elder and the last 4 digits of the elder's phone. The centre's staff verify it
 * (they know the family). Every try is recorded; a miss (wrong name or tail — the same answer
 * whether or not the elder exists) counts against the applicant and against the named elder, and
 * past either limit every try is RATE_LIMITED, the right tail too. The answer carries no elder id
 * until the centre verifies the link.
 */
export const linkFamily = defineAction({
  input: ZLinkFamilyRequest,
  async handler({ centreId, elderName, phoneTail, relationNote }, ctx) {
    const now = clock.now();
    const { centre, community } = await loadCentre(ctx.ds.manager, centreId);
    const aim = { userId: ctx.actor.userId, centreId, elderName, now };
    await ensureLinkTarget(ctx.ds, aim);
    const notifier = new Notifier();
    const link = await underLimit(ctx, linkTryLimit(aim), async (em) => {
      if (!(await elderMissesLeft(em, aim))) throw new AppError(ErrorCode.RATE_LIMITED, TOO_MANY_LINK_TRIES);
      const candidates = await em.find(Elder, { where: { centreId, name: elderName, phone: Like(`%${phoneTail}`) } });
      const elder = candidates.length === 1 ? candidates[0] : null;
      await em.insert(LinkAttempt, { userId: ctx.actor.userId, centreId, elderName, matched: !!elder, createdAt: now });
      // A miss commits (it must count) and is answered after the commit.
      if (!elder) return null;
      if (elder.userId === ctx.actor.userId) throw new AppError(ErrorCode.INVALID_INPUT, '这是您本人的档案', { field: 'elderName' });
      const existing = await em.findOne(FamilyLink, { where: { elderId: elder.id, userId: ctx.actor.userId } });
      if (existing) {
        if (existing.status !== 'rejected')
          throw new AppError(ErrorCode.CONFLICT, existing.status === 'verified' ? '已关联该老人' : '关联申请正在等待中心核实');
        await transition({
          em,
          machine: LINK_MACHINE,
          entity: FamilyLink,
          row: existing,
          action: 'reapply',
          at: now,
          actorId: ctx.actor.userId,
          patch: { relationNote: relationNote ?? '', decidedById: null, decidedAt: null },
        });
        await tellElderOfLink(em, notifier, elder, ctx.actor, 'applied');
        return existing;
      }
      const row = await em.save(
        em.create(FamilyLink, {
          elderId: elder.id,
          centreId,
          userId: ctx.actor.userId,
          relationNote: relationNote ?? '',
          status: 'pending',
          decidedById: null,
          decidedAt: null,
          createdAt: now,
        }),
      );
      await recordEvent(em, { subjectKind: LINK_MACHINE.name, subjectId: row.id, action: 'applied', to: 'pending', actorId: ctx.actor.userId, at: now });
      const staff = await usersWithRoleOver(em, CARE_ROLES, { streetId: community.streetId, communityId: community.id }, centre.id);
      await notifier.to(em, staff, {
        kind: 'booking_update',
        subject: null,
        title: '家属关联待核实',
        body: `${ctx.actor.name || '家属'}申请关联${elder.name}`,
        excerpt: relationNote ?? undefined,
      });
      await tellElderOfLink(em, notifier, elder, ctx.actor, 'applied');
      return row;
    });
    if (!link) throw notFound('老人（请核对姓名和手机号后4位，或请中心工作人员协助）');
    const [dto] = await presentLinks(ctx.ds.manager, [link], 'member');
    return dto;
  },
});
