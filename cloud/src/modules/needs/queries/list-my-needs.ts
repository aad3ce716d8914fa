import { OPEN_NEED_STATUSES, ZListMyNeedsRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { Need } from '../need.entity';
import { needPage } from './need-page';

/**
 * 我的需求: needs the caller follows (reporter) or filed for someone else (proxy), newest first.
 * `open: true` = someone still owes an answer; `open: false` = finished, fixed or not.
 */
export const listMyNeeds = defineAction({
  input: ZListMyNeedsRequest,
  async handler({ open, cursor, limit = 20 }, { actor, ds }) {
    const branches = (['reporterId', 'createdById'] as const).map((column) => {
      const qb = ds.manager.createQueryBuilder(Need, 'n').where(`n.${column} = :uid`, { uid: actor.userId });
      if (open === true) qb.andWhere('n.status IN (:...open)', { open: OPEN_NEED_STATUSES });
      if (open === false) qb.andWhere('n.status NOT IN (:...open)', { open: OPEN_NEED_STATUSES });
      return qb;
    });
    return needPage(ds.manager, branches, cursor, limit);
  },
});
