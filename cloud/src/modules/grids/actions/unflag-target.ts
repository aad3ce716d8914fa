import { IsNull } from 'typeorm';
import { ZUnflagTargetRequest } from '@hg/types/grids-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, notFound } from '../../../core/errors';
import { communityRepo } from '../../community/public';
import { GridTarget } from '../entities';
import { managesGrids } from '../grid.policy';
import { presentTargets } from '../plan.presenter';

/** End a household's mark, with a reason (kept as history); plans already made stay until visited or cancelled. */
export const unflagTarget = defineAction({
  input: ZUnflagTargetRequest,
  async handler(input, { ds, actor, tx }) {
    const target = await ds.manager.findOne(GridTarget, { where: { id: input.targetId } });
    const community = target ? await communityRepo.community(ds.manager, target.communityId) : null;
    if (!target || !community) throw notFound('走访对象');
    if (!managesGrids(actor, { streetId: community.streetId, communityId: community.id })) throw forbidden('只有本社区的工作人员可以调整走访对象');
    await tx(async (em) => {
      const res = await em.update(GridTarget, { id: target.id, endedAt: IsNull() }, { active: null, endedAt: clock.now(), endedById: actor.userId, endReason: input.reason });
      if (!res.affected) throw notFound('走访对象');
    });
    return (await presentTargets(ds.manager, [(await ds.manager.findOne(GridTarget, { where: { id: target.id } }))!]))[0];
  },
});
