import { localDay } from '@hg/types/local-time';
import { ZCancelPlanRequest } from '@hg/types/grids-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { invalidTransition, notFound } from '../../../core/errors';
import { recordEvent } from '../../../core/subject-log';
import { GridPlan } from '../entities';
import { visibleGrid } from '../grid-reads';
import { presentPlans } from '../plan.presenter';

/** 取消计划走访: only with a reason (搬离、住院 …), by the grid's workers or staff; a compare-and-set on `planned`. */
export const cancelPlan = defineAction({
  input: ZCancelPlanRequest,
  async handler(input, { ds, actor, tx }) {
    const plan = await ds.manager.findOne(GridPlan, { where: { id: input.planId } });
    if (!plan) throw notFound('计划走访');
    await visibleGrid(ds.manager, actor, plan.gridId);
    const now = clock.now();
    await tx(async (em) => {
      const res = await em.update(GridPlan, { id: plan.id, status: 'planned' }, { status: 'cancelled', closedAt: now, closedById: actor.userId, cancelReason: input.reason });
      if (!res.affected) throw invalidTransition('该计划走访已完成或已取消');
      await recordEvent(em, { subjectKind: 'grid_plan', subjectId: plan.id, action: 'cancelled', from: 'planned', to: 'cancelled', actorId: actor.userId, at: now, data: { reason: input.reason } });
    });
    return (await presentPlans(ds.manager, [(await ds.manager.findOne(GridPlan, { where: { id: plan.id } }))!], localDay(now)))[0];
  },
});
