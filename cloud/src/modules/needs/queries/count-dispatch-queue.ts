import {
  OPEN_NEED_STATUSES,
  QUEUE_ESCALATED_LEVELS,
  QUEUE_TAB_STATUSES,
  QUEUE_TABS,
  ZDispatchCountsRequest,
  type NeedTabCountsDTO,
  type QueueTab,
} from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { queueFiltered, queueScope } from './list-dispatch-queue';
import { countByStatus, searchWindow, sumOf, urgentCondition } from './work-list';

/**
 * The 派单台's tab badges: grouped counts over the same scope and filters as the list, so each
 * badge equals the rows its tab lists. 待处理 = waiting for dispatch + the other open needs
 * that are overdue or escalated to the community.
 */
export const countDispatchQueue = defineAction({
  input: ZDispatchCountsRequest,
  async handler(input, { actor, ds }): Promise<NeedTabCountsDTO<QueueTab>> {
    const em = ds.manager;
    const scope = await queueScope(em, actor, input);
    const now = clock.now();
    const window = await searchWindow(em, input.q, input.older, now);
    const base = () => {
      const qb = queueFiltered(em, input, now, window);
      if (scope !== 'all') {
        if (!scope.length) qb.andWhere('1 = 0');
        else qb.andWhere('n.communityId IN (:...communityIds)', { communityIds: scope });
      }
      return qb;
    };
    const counts = await countByStatus(base, urgentCondition(now, QUEUE_ESCALATED_LEVELS));
    const result = Object.fromEntries(QUEUE_TABS.map((t) => [t, sumOf(counts, QUEUE_TAB_STATUSES[t])])) as NeedTabCountsDTO<QueueTab>;
    result.action += sumOf(
      counts,
      OPEN_NEED_STATUSES.filter((s) => s !== 'submitted'),
      'urgent',
    );
    return result;
  },
});
