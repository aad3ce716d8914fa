import { NEED_SEARCH_RULES, OPEN_NEED_STATUSES, ZMergeCandidatesRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, notFound } from '../../../core/errors';
import { NeedCategory } from '../need-category.entity';
import { canSee, mayAct, relationTo } from '../need.policy';
import { presentSummaries } from '../need.presenter';
import { Need } from '../need.entity';

/**
 * 合并's choices: open needs that probably report the same thing — same category, same place
 * (the building; for a compound-wide need, the compound's public area), filed in the last
 * NEED_SEARCH_RULES.mergeWindowDays days — newest first, never the need itself. Only for whoever
 * may merge the need; `needs.merge` still checks and writes.
 */
export const listMergeCandidates = defineAction({
  input: ZMergeCandidatesRequest,
  async handler({ needId }, { actor, ds }) {
    const em = ds.manager;
    const need = await em.findOne(Need, { where: { id: needId } });
    if (!need) throw notFound('需求');
    const category = await em.findOneByOrFail(NeedCategory, { id: need.categoryId });
    const rel = relationTo(actor, need, category);
    if (!canSee(rel, need)) throw notFound('需求');
    if (!mayAct('merge', rel)) throw forbidden('只有社区工作人员可以合并需求');
    const now = clock.now();
    const since = new Date(now.getTime() - NEED_SEARCH_RULES.mergeWindowDays * 24 * 3600 * 1000);
    const qb = em
      .createQueryBuilder(Need, 'n')
      .where('n.communityId = :communityId AND n.compoundId = :compoundId AND n.buildingId = :buildingId', {
        communityId: need.communityId,
        compoundId: need.compoundId,
        buildingId: need.buildingId,
      })
      .andWhere('n.categoryId = :categoryId', { categoryId: need.categoryId })
      .andWhere('n.status IN (:...open)', { open: OPEN_NEED_STATUSES })
      .andWhere('n.id <> :id', { id: need.id })
      .andWhere('n.createdAt >= :since', { since })
      .orderBy('n.id', 'DESC')
      .limit(NEED_SEARCH_RULES.mergeCandidatesMax);
    return presentSummaries(em, await qb.getMany(), now);
  },
});
