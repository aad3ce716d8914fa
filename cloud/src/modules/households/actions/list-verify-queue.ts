import { ZVerifyQueueRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { decodeCursor, encodeCursor } from '../../../core/cursor';
import { forbidden } from '../../../core/errors';
import { assignmentsOf, scopeFilter } from '../../identity/public';
import { VERIFIER_ROLES } from '../household.policy';
import { presentQueueItems } from '../household.presenter';
import { HouseholdMember } from '../household-member.entity';

/** The verifier's queue: bindings inside their scopes, newest first, keyset-paginated by id. */
export const listVerifyQueue = defineAction({
  input: ZVerifyQueueRequest,
  async handler({ compoundId, status = 'pending', cursor, limit = 20 }, { actor, ds }) {
    const scopes = assignmentsOf(actor, VERIFIER_ROLES);
    if (!scopes.length) throw forbidden('只有楼栋长、小区长或社区工作人员可以查看审核列表');
    const qb = ds.manager.createQueryBuilder(HouseholdMember, 'm').where('m.status = :status', { status });
    // Bindings carry community, compound and building (not street or unit): the kernel's one rule.
    const filter = scopeFilter('m', scopes, ['communityId', 'compoundId', 'buildingId']);
    if (filter) qb.andWhere(filter.sql, filter.params);
    if (compoundId) qb.andWhere('m.compoundId = :compoundId', { compoundId });
    const after = decodeCursor(cursor);
    if (after) qb.andWhere('m.id < :after', { after });
    const rows = await qb
      .orderBy('m.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    return {
      items: await presentQueueItems(ds.manager, page),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
    };
  },
});
