import { ZInboxRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { assignmentsOf } from '../../identity/public';
import { Need } from '../need.entity';
import { needPage } from './need-page';
import { SCOPE_COLUMN } from './need-scope';

/**
 * 接单箱: needs the caller is the receiver of — dispatched or claimed to them in person, or to an
 * organisation they work for, but only inside the node their org_staff role sits on (the firm's
 * staff of 南街社区 do not see the firm's needs in 书院街社区).
 */
export const listInbox = defineAction({
  input: ZInboxRequest,
  async handler({ status, cursor, limit = 20 }, { actor, ds }) {
    const base = () => {
      const qb = ds.manager.createQueryBuilder(Need, 'n');
      if (status) qb.andWhere('n.status = :status', { status });
      return qb;
    };
    const branches = [base().andWhere('n.receiverUserId = :uid', { uid: actor.userId })];
    for (const role of assignmentsOf(actor, ['org_staff'])) {
      if (!role.organisationId) continue;
      const qb = base().andWhere('n.receiverOrgId = :org', { org: role.organisationId });
      const column = SCOPE_COLUMN[role.scopeLevel];
      if (column) qb.andWhere(`n.${column} = :scopeId`, { scopeId: role.scopeId });
      branches.push(qb);
    }
    return needPage(ds.manager, branches, cursor, limit);
  },
});
