import { ZReceiversRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forbidden, notFound } from '../../../core/errors';
import { NeedCategory } from '../need-category.entity';
import { canSee, mayAct, relationTo } from '../need.policy';
import { Need } from '../need.entity';
import { listReceivers } from '../need-receivers';

/**
 * The choice of receivers for one need: for whoever may dispatch or transfer it — community staff,
 * and heads once the need has reached their rung of the ladder. The list itself is scoped to the
 * need's compound and community (need-receivers.ts).
 */
export const listNeedReceivers = defineAction({
  input: ZReceiversRequest,
  async handler({ needId }, { actor, ds }) {
    const need = await ds.manager.findOne(Need, { where: { id: needId } });
    if (!need) throw notFound('需求');
    const category = await ds.manager.findOneByOrFail(NeedCategory, { id: need.categoryId });
    const rel = relationTo(actor, need, category);
    if (!canSee(rel, need)) throw notFound('需求');
    if (!mayAct('dispatch', rel) && !mayAct('transfer', rel)) throw forbidden();
    return listReceivers(ds.manager, need);
  },
});
