import { ZModerateRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forbidden, invalidTransition, notFound } from '../../../core/errors';
import { HouseholdRating } from '../entities';
import { moderates, presentModeration } from '../moderation';

/** 审核: keep a hidden comment (visible again) or remove it (kept in the database, never shown). */
export const moderateComment = defineAction({
  input: ZModerateRequest,
  async handler({ ratingId, keep }, ctx) {
    const row = await ctx.tx(async (tx) => {
      const r = await tx.findOne(HouseholdRating, { where: { id: ratingId } });
      if (!r) throw notFound('评价');
      if (!moderates(ctx.actor, r)) throw forbidden();
      const res = await tx.update(HouseholdRating, { id: ratingId, commentStatus: 'hidden' }, { commentStatus: keep ? 'visible' : 'removed' });
      if (res.affected !== 1) throw invalidTransition('该评价已处理');
      return tx.findOneByOrFail(HouseholdRating, { id: ratingId });
    });
    const [dto] = await presentModeration(ctx.ds.manager, [row]);
    return dto;
  },
});
