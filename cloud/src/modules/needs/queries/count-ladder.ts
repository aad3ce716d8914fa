import { LADDER_TABS, OPEN_NEED_STATUSES, ZLadderCountsRequest, type LadderTab, type NeedTabCountsDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { Need } from '../need.entity';
import { ladderReach } from './list-ladder';
import { overdueCondition } from './work-list';

const none = (): NeedTabCountsDTO<LadderTab> => Object.fromEntries(LADDER_TABS.map((t) => [t, 0])) as NeedTabCountsDTO<LadderTab>;

/**
 * 升级待办's badges (首页's work tile and the page's tabs): one statement over the open needs the
 * caller's rungs reach — the OR of the list's per-assignment queries, so a need two roles reach
 * (a building head who is also the compound head) counts once — with the overdue ones summed by
 * the list's own deadline rule. Open needs only: a few hundred a community at most.
 */
export const countLadder = defineAction({
  input: ZLadderCountsRequest,
  async handler(_input, { actor, ds }): Promise<NeedTabCountsDTO<LadderTab>> {
    const reach = ladderReach(actor);
    if (!reach.length) return none();
    const overdue = overdueCondition(clock.now());
    const row = await ds.manager
      .createQueryBuilder(Need, 'n')
      .select('COUNT(*)', 'total')
      .addSelect(`SUM(CASE WHEN ${overdue.sql} THEN 1 ELSE 0 END)`, 'late')
      .where('n.status IN (:...ladderOpen)', { ladderOpen: OPEN_NEED_STATUSES })
      .andWhere(`(${reach.map((r) => r.sql).join(' OR ')})`, Object.assign({}, ...reach.map((r) => r.params)))
      .setParameters(overdue.params)
      .getRawOne<{ total: string | number | null; late: string | number | null }>();
    return { all: Number(row?.total ?? 0), overdue: Number(row?.late ?? 0) };
  },
});
