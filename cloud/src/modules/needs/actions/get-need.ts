import { ZNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { notFound } from '../../../core/errors';
import { NeedCategory } from '../need-category.entity';
import { isFollower } from '../need-followers';
import { canSee, relationTo } from '../need.policy';
import { presentDetail } from '../need.presenter';
import { Need } from '../need.entity';

/** One need with its timeline, thread and what the caller may do next. Invisible = NOT_FOUND. */
export const getNeed = defineAction({
  input: ZNeedRequest,
  async handler({ needId }, { actor, ds }) {
    const need = await ds.manager.findOne(Need, { where: { id: needId } });
    if (!need) throw notFound('需求');
    const category = await ds.manager.findOneByOrFail(NeedCategory, { id: need.categoryId });
    const follower = await isFollower(ds.manager, need.id, actor.userId);
    if (!canSee(relationTo(actor, need, category, { follower }), need)) throw notFound('需求');
    return presentDetail(ds.manager, need, actor, clock.now(), category);
  },
});
