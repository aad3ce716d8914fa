import { ZListTargetsRequest } from '@hg/types/grids-schemas';
import { defineAction } from '../../../core/action';
import { forbidden, notFound } from '../../../core/errors';
import { communityRepo } from '../../community/public';
import { GridTarget } from '../entities';
import { readsGrids } from '../grid.policy';
import { presentTargets } from '../plan.presenter';

/** A community's visit targets, live and ended, newest first (staff). */
export const listTargets = defineAction({
  input: ZListTargetsRequest,
  async handler(input, { ds, actor }) {
    const community = await communityRepo.community(ds.manager, input.communityId);
    if (!community) throw notFound('社区');
    if (!readsGrids(actor, { streetId: community.streetId, communityId: community.id })) throw forbidden('只能查看本社区的走访对象');
    const rows = await ds.manager.find(GridTarget, { where: { communityId: community.id }, order: { id: 'DESC' }, take: 200 });
    return { items: await presentTargets(ds.manager, rows) };
  },
});
