import { ZDispatchQueueRequest } from '@hg/types';
import { Brackets } from 'typeorm';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, notFound } from '../../../core/errors';
import { Compound } from '../../community/public';
import { Need } from '../need.entity';
import { needPage } from './need-page';
import { inScope, staffScope } from './need-scope';

/** Waiting for a receiver (accept clock) / being worked on (resolve clock). */
const ACCEPT_CLOCK = ['submitted', 'dispatched', 'open_for_claim'];
const RESOLVE_CLOCK = ['accepted', 'in_progress'];

/**
 * 社区派单台: every need in the communities the caller runs (community staff, street staff,
 * admin), newest first, filtered by status / level / category / compound / overdue. One query
 * per community walks (communityId, status, id) or (communityId, id) backwards from the cursor.
 */
export const listDispatchQueue = defineAction({
  input: ZDispatchQueueRequest,
  async handler({ communityId, compoundId, status, level, categoryId, overdue, cursor, limit = 20 }, { actor, ds }) {
    const em = ds.manager;
    let scope = await staffScope(em, actor, communityId);
    if (compoundId) {
      const compound = await em.findOne(Compound, { where: { id: compoundId } });
      if (!compound) throw notFound('小区');
      if (!inScope(await staffScope(em, actor), compound.communityId)) throw forbidden('该小区不在您的管辖范围内');
      scope = inScope(scope, compound.communityId) ? [compound.communityId] : [];
    }
    const now = clock.now();
    const filtered = () => {
      const qb = em.createQueryBuilder(Need, 'n');
      if (status) qb.andWhere('n.status = :status', { status });
      if (level) qb.andWhere('n.level = :level', { level });
      if (categoryId) qb.andWhere('n.categoryId = :categoryId', { categoryId });
      if (compoundId) qb.andWhere('n.compoundId = :compoundId', { compoundId });
      if (overdue) {
        qb.andWhere(
          new Brackets((or) =>
            or
              .where('(n.status IN (:...acceptClock) AND n.acceptDueAt < :now)', { acceptClock: ACCEPT_CLOCK, now })
              .orWhere('(n.status IN (:...resolveClock) AND n.resolveDueAt < :now)', { resolveClock: RESOLVE_CLOCK }),
          ),
        );
      }
      return qb;
    };
    const branches = scope === 'all' ? [filtered()] : scope.map((id) => filtered().andWhere('n.communityId = :communityId', { communityId: id }));
    return needPage(em, branches, cursor, limit);
  },
});
