import { ZClaimableRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forbidden } from '../../../core/errors';
import { assignmentsOf } from '../../identity/public';
import { NeedCategory } from '../need-category.entity';
import { Need } from '../need.entity';
import { needPage } from './need-page';
import { SCOPE_COLUMN } from './need-scope';

/**
 * 待认领: needs open for claiming where the caller reported as a party member (双报到), in
 * categories that allow party members to claim. The claim itself re-checks all of it.
 */
export const listClaimable = defineAction({
  input: ZClaimableRequest,
  async handler({ cursor, limit = 20 }, { actor, ds }) {
    const roles = assignmentsOf(actor, ['party_member']);
    if (!roles.length) throw forbidden('只有到小区报到的党员可以认领需求');
    const categories = await ds.manager.find(NeedCategory, { where: { partyClaimable: true } });
    if (!categories.length) return { items: [], nextCursor: null };
    const branches = roles.map((role) => {
      const qb = ds.manager
        .createQueryBuilder(Need, 'n')
        .where("n.status = 'open_for_claim'")
        .andWhere('n.categoryId IN (:...categoryIds)', { categoryIds: categories.map((c) => c.id) });
      const column = SCOPE_COLUMN[role.scopeLevel];
      if (column) qb.andWhere(`n.${column} = :scopeId`, { scopeId: role.scopeId });
      return qb;
    });
    return needPage(ds.manager, branches, cursor, limit);
  },
});
