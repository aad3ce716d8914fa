import { ZFlagTargetRequest } from '@hg/types/grids-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { conflict, forbidden, isUniqueViolation, notFound } from '../../../core/errors';
import { compoundsByIds } from '../../community/public';
import { householdById } from '../../households/public';
import { GridTarget } from '../entities';
import { managesGrids } from '../grid.policy';
import { presentTargets } from '../plan.presenter';

/** 走访对象: community staff mark a household of their community for planned visits (独居老人 …). One live mark per household. */
export const flagTarget = defineAction({
  input: ZFlagTargetRequest,
  async handler(input, { ds, actor, tx }) {
    const home = await householdById(ds.manager, input.householdId);
    const compound = home ? (await compoundsByIds(ds.manager, [home.compoundId])).get(home.compoundId) : undefined;
    if (!home || !compound) throw notFound('住户');
    if (!managesGrids(actor, { streetId: compound.streetId, communityId: home.communityId })) throw forbidden('只有本社区的工作人员可以设定走访对象');
    const row = await tx(async (em) => {
      const t = em.create(GridTarget, { householdId: home.id, communityId: home.communityId, reason: input.reason, active: 1, flaggedById: actor.userId, flaggedAt: clock.now(), endedAt: null, endedById: null, endReason: null });
      try {
        await em.insert(GridTarget, t);
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('该住户已是走访对象');
        throw err;
      }
      return t;
    });
    return (await presentTargets(ds.manager, [row]))[0];
  },
});
