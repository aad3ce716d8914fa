import { ZCreateMatterRequest } from '@hg/types/deliberation-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden } from '../../../core/errors';
import { recordEvent } from '../../../core/subject-log';
import { holdsRoleOver } from '../../identity/public';
import { ORGANISER_ROLES } from '../deliberation.policy';
import { Matter } from '../entities';
import { presentMatter } from '../matter.presenter';
import { MATTER_MACHINE } from '../matter-status';
import { placeOf } from '../matters';

/** 制定方案: staff or a head drafts a matter for a place they hold a role over (its first event: `drafted`). */
export const createMatter = defineAction({
  input: ZCreateMatterRequest,
  async handler(input, ctx) {
    const now = clock.now();
    const place = await placeOf(ctx.ds.manager, input.scopeLevel, input.scopeId);
    if (!holdsRoleOver(ctx.actor, ORGANISER_ROLES, { ...place, buildingId: place.buildingId ?? undefined, unitId: place.unitId ?? undefined }))
      throw forbidden('只有社区工作人员和本范围的小区长、楼栋长、单元长可以发起议题');
    const m = await ctx.tx(async (em) => {
      const row = em.create(Matter, {
        title: input.title,
        text: input.text,
        options: JSON.stringify(input.options),
        scopeLevel: input.scopeLevel,
        ...place,
        status: 'draft',
        version: 0,
        contentHash: null,
        proposerId: ctx.actor.userId,
        sourceNeedId: null,
        publishedAt: null,
        opensAt: null,
        closesAt: null,
        quorumPercent: null,
        approvalPercent: null,
        noticeDays: null,
        remindedVersion: null,
        withdrawnReason: null,
        outcome: null,
        outcomePublishedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(Matter, row);
      await recordEvent(em, { subjectKind: MATTER_MACHINE.name, subjectId: row.id, action: 'drafted', from: null, to: 'draft', actorId: ctx.actor.userId, at: now });
      return row;
    });
    return presentMatter(ctx.ds.manager, m, { organiser: true, households: [] }, now);
  },
});
