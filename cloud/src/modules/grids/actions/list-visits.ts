import { ZListVisitsRequest } from '@hg/types/grids-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { decodeCursor, encodeCursor } from '../../../core/cursor';
import { assignmentsOf, scopeFilter } from '../../identity/public';
import { GridVisit } from '../entities';
import { visibleGrid } from '../grid-reads';
import { presentVisits } from '../visit.presenter';

const PAGE_SIZE = 20;

/**
 * 走访记录, newest first: a grid's (staff over it, or its workers), one worker's across the
 * caller's staff scope (`workerId`), or the caller's own when neither is given.
 */
export const listVisits = defineAction({
  input: ZListVisitsRequest,
  async handler(input, { ds, actor }) {
    const em = ds.manager;
    const take = input.limit ?? PAGE_SIZE;
    const qb = em.createQueryBuilder(GridVisit, 'v').orderBy('v.id', 'DESC').take(take + 1);
    if (input.gridId !== undefined) {
      await visibleGrid(em, actor, input.gridId);
      qb.where('v.gridId = :gridId', { gridId: input.gridId });
    } else if (input.workerId !== undefined && input.workerId !== actor.userId) {
      const scope = scopeFilter('v', assignmentsOf(actor, ['community_staff', 'street_staff', 'admin']), ['communityId']);
      qb.where('v.workerId = :workerId', { workerId: input.workerId }).andWhere(scope?.sql ?? '1 = 1', scope?.params ?? {});
    } else {
      qb.where('v.workerId = :me', { me: actor.userId });
    }
    const after = decodeCursor(input.cursor);
    if (after) qb.andWhere('v.id < :after', { after });
    const rows = await qb.getMany();
    const page = rows.slice(0, take);
    return { items: await presentVisits(em, actor, page, clock.now()), nextCursor: rows.length > take ? encodeCursor(page[page.length - 1].id) : null };
  },
});
