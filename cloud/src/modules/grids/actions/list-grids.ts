import { In } from 'typeorm';
import { ZListGridsRequest } from '@hg/types/grids-schemas';
import { defineAction } from '../../../core/action';
import { forbidden } from '../../../core/errors';
import { liveGridsOf } from '../../identity/public';
import { Grid } from '../entities';
import { readsGrids } from '../grid.policy';
import { presentGrids } from '../grid.presenter';
import { communityRepo } from '../../community/public';

/**
 * 网格: staff get one community's grids (`communityId`, or the first community they hold a staff
 * role on); a grid worker without `communityId` gets the grids they work now.
 */
export const listGrids = defineAction({
  input: ZListGridsRequest,
  async handler(input, { ds, actor }) {
    const em = ds.manager;
    const mine = new Set(await liveGridsOf(em, actor.userId));
    let communityId = input.communityId;
    if (communityId === undefined) {
      const staff = actor.roles.find((r) => r.scopeLevel === 'community' && (r.role === 'community_staff' || r.role === 'grid_worker'));
      if (staff?.role === 'grid_worker' || (!staff && mine.size)) {
        const grids = mine.size ? await em.find(Grid, { where: { id: In([...mine]) }, order: { id: 'ASC' } }) : [];
        return { items: await presentGrids(em, actor, grids, mine) };
      }
      if (!staff) throw forbidden('只有社区工作人员和网格员可以查看网格');
      communityId = staff.scopeId;
    }
    const community = await communityRepo.community(em, communityId);
    if (!community || !readsGrids(actor, { streetId: community.streetId, communityId })) throw forbidden('只能查看本社区的网格');
    const grids = await em.find(Grid, { where: { communityId }, order: { id: 'ASC' } });
    return { items: await presentGrids(em, actor, grids, mine) };
  },
});
