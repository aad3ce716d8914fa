import { ZVerifyQueueRequest } from '@hg/types';
import { Brackets } from 'typeorm';
import { defineAction } from '../../../core/action';
import { decodeCursor, encodeCursor } from '../../../core/cursor';
import { forbidden } from '../../../core/errors';
import { assignmentsOf } from '../../users/scope';
import { VERIFIER_ROLES } from '../household.policy';
import { presentQueueItems } from '../household.presenter';
import { HouseholdMember } from '../household-member.entity';

const SCOPE_COLUMN = { building: 'buildingId', compound: 'compoundId', community: 'communityId' } as const;

/** The verifier's queue: bindings inside their scopes, newest first, keyset-paginated by id. */
export const listVerifyQueue = defineAction({
  input: ZVerifyQueueRequest,
  async handler({ compoundId, status = 'pending', cursor, limit = 20 }, { actor, ds }) {
    const scopes = assignmentsOf(actor, VERIFIER_ROLES).filter((r) => r.scopeLevel in SCOPE_COLUMN);
    if (!scopes.length) throw forbidden('只有楼栋长、小区长或社区工作人员可以查看审核列表');
    const qb = ds.manager.createQueryBuilder(HouseholdMember, 'm').where('m.status = :status', { status });
    qb.andWhere(
      new Brackets((or) => {
        scopes.forEach((s, i) => {
          const column = SCOPE_COLUMN[s.scopeLevel as keyof typeof SCOPE_COLUMN];
          or.orWhere(`m.${column} = :scope${i}`, { [`scope${i}`]: s.scopeId });
        });
      }),
    );
    if (compoundId) qb.andWhere('m.compoundId = :compoundId', { compoundId });
    const after = decodeCursor(cursor);
    if (after) qb.andWhere('m.id < :after', { after });
    const rows = await qb.orderBy('m.id', 'DESC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    return {
      items: await presentQueueItems(ds.manager, page),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
    };
  },
});
