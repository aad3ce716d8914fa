import { ZCorrectVisitRequest } from '@hg/types/grids-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { dialectOf } from '../../../core/data-source';
import { forbidden, invalidInput, notFound } from '../../../core/errors';
import { recordEvent } from '../../../core/subject-log';
import { GridVisit, GridVisitCorrection } from '../entities';
import { gridPath, managesGrids } from '../grid.policy';
import { visibleVisit } from '../visit-reads';
import { presentVisits } from '../visit.presenter';

const FIELDS = ['minutes', 'contactMade', 'way', 'notes'] as const;

/**
 * 更正走访: its worker or the community's staff correct a visit, with a reason; a correction row
 * keeps the changed fields before and after (append-only) and the visit shows the corrected
 * values. The visit is read under a row lock in the writing transaction, so two corrections in
 * flight each record the values the other left.
 */
export const correctVisit = defineAction({
  input: ZCorrectVisitRequest,
  async handler(input, { ds, actor, tx }) {
    const now = clock.now();
    const { grid } = await visibleVisit(ds.manager, actor, input.visitId);
    await tx(async (em) => {
      const qb = em.createQueryBuilder(GridVisit, 'v').where('v.id = :id', { id: input.visitId });
      if (dialectOf(em.connection) !== 'better-sqlite3') qb.setLock('pessimistic_write');
      const visit = await qb.getOne();
      if (!visit) throw notFound('走访记录');
      if (visit.workerId !== actor.userId && !managesGrids(actor, gridPath(grid))) throw forbidden('只有走访的网格员或社区工作人员可以更正');
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const f of FIELDS) {
        const next = input[f];
        if (next === undefined || next === visit[f]) continue;
        before[f] = visit[f];
        after[f] = next;
      }
      if (!Object.keys(after).length) throw invalidInput('reason', '更正的内容与原记录相同');
      await em.update(GridVisit, { id: visit.id }, { ...after, updatedAt: now });
      await em.save(em.create(GridVisitCorrection, { visitId: visit.id, byId: actor.userId, at: now, reason: input.reason, before, after }));
      await recordEvent(em, { subjectKind: 'grid_visit', subjectId: visit.id, action: 'corrected', actorId: actor.userId, at: now, data: { reason: input.reason, fields: Object.keys(after).join(',') } });
    });
    const visit = (await ds.manager.findOne(GridVisit, { where: { id: input.visitId } }))!;
    return (await presentVisits(ds.manager, actor, [visit], now))[0];
  },
});
