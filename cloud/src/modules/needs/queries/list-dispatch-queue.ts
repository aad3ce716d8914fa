import { QUEUE_ESCALATED_LEVELS, QUEUE_TAB_STATUSES, ZDispatchQueueRequest, type TDispatchCountsRequest } from '@hg/types';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, notFound } from '../../../core/errors';
import { communityRepo } from '../../community/public';
import type { Actor } from '../../identity/public';
import { Need } from '../need.entity';
import { needPage, phasedNeedPage } from './need-page';
import { inScope, staffScope, type CommunityScope } from './need-scope';
import { applySearch, overdueCondition, searchWindow, urgentCondition, type SearchWindow } from './work-list';

/** The communities a 派单台 request covers: the caller's, narrowed to one community or compound. */
export async function queueScope(
  em: EntityManager,
  actor: Actor,
  { communityId, compoundId }: Pick<TDispatchCountsRequest, 'communityId' | 'compoundId'>,
): Promise<CommunityScope> {
  const scope = await staffScope(em, actor, communityId);
  if (!compoundId) return scope;
  const compound = await communityRepo.compound(em, compoundId);
  if (!compound) throw notFound('小区');
  if (!inScope(await staffScope(em, actor), compound.communityId)) throw forbidden('该小区不在您的管辖范围内');
  return inScope(scope, compound.communityId) ? [compound.communityId] : [];
}

/** The 派单台's filters other than tab and status, on a fresh query of alias `n`. */
export function queueFiltered(em: EntityManager, input: TDispatchCountsRequest, now: Date, window: SearchWindow | null): SelectQueryBuilder<Need> {
  const qb = em.createQueryBuilder(Need, 'n');
  if (input.level) qb.andWhere('n.level = :level', { level: input.level });
  if (input.categoryId) qb.andWhere('n.categoryId = :categoryId', { categoryId: input.categoryId });
  if (input.compoundId) qb.andWhere('n.compoundId = :compoundId', { compoundId: input.compoundId });
  if (input.overdue) {
    const overdue = overdueCondition(now);
    qb.andWhere(overdue.sql, overdue.params);
  }
  applySearch(qb, input.q, window);
  return qb;
}

/**
 * 社区派单台: needs in the communities the caller runs (community staff, street staff, admin),
 * by tab (待处理 = waiting for dispatch, or open and overdue / escalated to the community — those
 * first), status, level, category, compound, overdue and search. Without a tab: every status.
 * One query per community walks (communityId, status, id) or (communityId, id) from the cursor.
 */
export const listDispatchQueue = defineAction({
  input: ZDispatchQueueRequest,
  async handler(input, { actor, ds }) {
    const { status, tab = 'all', cursor, limit = 20 } = input;
    const em = ds.manager;
    const scope = await queueScope(em, actor, input);
    const now = clock.now();
    const window = await searchWindow(em, input.q, input.older, now);
    const statuses = QUEUE_TAB_STATUSES[tab];
    // One query per community in scope (each walks its own index range), built afresh per call.
    const branches = (extra?: (qb: SelectQueryBuilder<Need>) => void) => () => {
      const make = () => {
        const qb = queueFiltered(em, input, now, window);
        if (status) qb.andWhere('n.status = :status', { status });
        if (extra) extra(qb);
        return qb;
      };
      return scope === 'all' ? [make()] : scope.map((id) => make().andWhere('n.communityId = :communityId', { communityId: id }));
    };
    if (tab !== 'action') {
      const inTab = (qb: SelectQueryBuilder<Need>) => {
        if (statuses) qb.andWhere('n.status IN (:...tabStatuses)', { tabStatuses: statuses });
      };
      return needPage(em, branches(inTab)(), cursor, limit);
    }
    const urgent = urgentCondition(now, QUEUE_ESCALATED_LEVELS);
    return phasedNeedPage(
      em,
      [
        branches((qb) => qb.andWhere(urgent.sql, urgent.params)),
        branches((qb) => qb.andWhere('n.status IN (:...tabStatuses)', { tabStatuses: statuses }).andWhere(`NOT ${urgent.sql}`, urgent.params)),
      ],
      cursor,
      limit,
    );
  },
});
