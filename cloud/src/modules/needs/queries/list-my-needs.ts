import { OPEN_NEED_STATUSES, ZListMyNeedsRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { NeedFollower } from '../need-follower.entity';
import { Need } from '../need.entity';
import { needPage } from './need-page';

/**
 * 我的需求: needs the caller reported, filed for someone else (proxy), or follows because their own
 * report was merged into it (need_followers), newest first.
 * `open: true` = someone still owes an answer; `open: false` = finished, fixed or not.
 */
export const listMyNeeds = defineAction({
  input: ZListMyNeedsRequest,
  async handler({ open, cursor, limit = 20 }, { actor, ds }) {
    const filtered = (qb: ReturnType<typeof ds.manager.createQueryBuilder<Need>>) => {
      if (open === true) qb.andWhere('n.status IN (:...open)', { open: OPEN_NEED_STATUSES });
      if (open === false) qb.andWhere('n.status NOT IN (:...open)', { open: OPEN_NEED_STATUSES });
      return qb;
    };
    const branches = (['reporterId', 'createdById'] as const).map((column) =>
      filtered(ds.manager.createQueryBuilder(Need, 'n').where(`n.${column} = :uid`, { uid: actor.userId })),
    );
    branches.push(
      filtered(ds.manager.createQueryBuilder(Need, 'n').innerJoin(NeedFollower, 'f', 'f.needId = n.id AND f.userId = :uid', { uid: actor.userId })),
    );
    return needPage(ds.manager, branches, cursor, limit);
  },
});
