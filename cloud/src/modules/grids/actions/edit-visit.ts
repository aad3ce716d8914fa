import { IsNull, MoreThan } from 'typeorm';
import { ZEditVisitRequest } from '@hg/types/grids-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { AppError, invalidTransition, notFound } from '../../../core/errors';
import { recordEvent } from '../../../core/subject-log';
import { GridFinding, GridVisit } from '../entities';
import { presentVisits } from '../visit.presenter';

/**
 * 修改走访: its worker changes a visit within 24 hours of recording it. The lock is the update's
 * condition (`lockedAt > now`), so an edit racing the deadline either lands before it or is
 * refused; after it, only a correction with a reason (correctVisit). New findings replace those
 * not yet filed as needs; filed ones stay.
 */
export const editVisit = defineAction({
  input: ZEditVisitRequest,
  async handler(input, { ds, actor, tx }) {
    const now = clock.now();
    const { visitId, findings, ...fields } = input;
    const changes: Partial<GridVisit> = { ...fields, ...(fields.visitedAt ? { visitedAt: new Date(fields.visitedAt) } : {}) } as Partial<GridVisit>;
    await tx(async (em) => {
      const res = await em.update(GridVisit, { id: visitId, workerId: actor.userId, lockedAt: MoreThan(now) }, { ...changes, updatedAt: now });
      if (!res.affected) {
        const visit = await em.findOne(GridVisit, { where: { id: visitId, workerId: actor.userId } });
        if (!visit) throw notFound('走访记录');
        throw invalidTransition('走访记录已超过24小时锁定，只能提交更正并说明原因') as AppError;
      }
      if (findings) {
        await em.delete(GridFinding, { visitId, needId: IsNull() });
        if (findings.length)
          await em.insert(
            GridFinding,
            findings.map((f) => ({ visitId, category: f.category, count: f.count, text: f.text ?? '', solved: f.solved, needId: null, filedAt: null })),
          );
      }
      await recordEvent(em, { subjectKind: 'grid_visit', subjectId: visitId, action: 'edited', actorId: actor.userId, at: now, data: { fields: Object.keys(fields).join(','), findings: findings?.length } });
    });
    const visit = (await ds.manager.findOne(GridVisit, { where: { id: visitId } }))!;
    return (await presentVisits(ds.manager, actor, [visit], now))[0];
  },
});
