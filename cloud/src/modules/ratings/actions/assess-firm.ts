import { ZAssessFirmRequest, type AssessmentDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, invalidInput, invalidTransition, isUniqueViolation, notFound } from '../../../core/errors';
import { organisationById } from '../../community/public';
import { AssessorScore } from '../entities';
import { compoundsOf, lockOpenPeriod, openPeriod } from '../periods';
import { assessesFirm } from '../rating.policy';

/**
 * 考评: an assessor scores a firm in their scope on 组织建设, 队伍建设 and 服务质量 (0–100) with a
 * note and evidence photos; once per assessor, firm and period (unique), editable until close.
 */
export const assessFirm = defineAction({
  input: ZAssessFirmRequest,
  async handler({ firmId, scores, note, photoIds }, ctx) {
    const now = clock.now();
    const em = ctx.ds.manager;
    const firm = await organisationById(em, firmId, 'property_firm');
    if (!firm) throw notFound('物业企业');
    if (!assessesFirm(ctx.actor, await compoundsOf(em, firmId))) throw forbidden('该物业企业不在您的考评范围内');
    const period = await openPeriod(em);
    if (!period) throw invalidTransition('当前没有进行中的评价期');
    for (const p of photoIds ?? []) if (!(await ctx.platform.photos.exists(p))) throw invalidInput('photoIds', '图片无效，请重新上传');
    const fields = { ...scores, note: note ?? '', photoIds: JSON.stringify(photoIds ?? []), updatedAt: now };
    const key = { periodId: period.id, firmId, assessorId: ctx.actor.userId };
    // Each write re-checks the period under its lock: scores sent while it closes are in the results or refused.
    try {
      await ctx.tx(async (tx) => {
        await lockOpenPeriod(tx, period.id);
        await tx.insert(AssessorScore, { ...key, ...fields, createdAt: now });
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      await ctx.tx(async (tx) => {
        await lockOpenPeriod(tx, period.id);
        await tx.update(AssessorScore, key, fields);
      });
    }
    const row = await em.findOneByOrFail(AssessorScore, key);
    const dto: AssessmentDTO = {
      firm: { id: firm.id, name: firm.name },
      periodId: period.id,
      scores: { organisation: row.organisation, team: row.team, service: row.service },
      note: row.note,
      photoIds: JSON.parse(row.photoIds) as string[],
      updatedAt: row.updatedAt.toISOString(),
    };
    return dto;
  },
});
