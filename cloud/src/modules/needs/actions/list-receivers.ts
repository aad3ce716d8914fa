import { ZReceiversRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forbidden, notFound } from '../../../core/errors';
import { NeedCategory } from '../need-category.entity';
import { canSee, relationTo } from '../need.policy';
import { Need } from '../need.entity';
import { listReceivers } from '../need-receivers';

/** The dispatch console's choice of receivers for one need (community staff only). */
export const listNeedReceivers = defineAction({
  input: ZReceiversRequest,
  async handler({ needId }, { actor, ds }) {
    const need = await ds.manager.findOne(Need, { where: { id: needId } });
    if (!need) throw notFound('需求');
    const category = await ds.manager.findOneByOrFail(NeedCategory, { id: need.categoryId });
    const rel = relationTo(actor, need, category);
    if (!canSee(rel, need)) throw notFound('需求');
    if (!rel.staff) throw forbidden();
    return listReceivers(ds.manager, need);
  },
});
