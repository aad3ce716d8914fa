import { ZReplyRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, invalidInput, invalidTransition, isUniqueViolation, notFound } from '../../../core/errors';
import { FirmReply, RatingPeriod } from '../entities';
import { isFirmStaff } from '../rating.policy';
import { getFirmCard } from '../queries/get-firm-card';

/**
 * 物业总体回应: the firm's staff make a public statement on a closed or published period as a whole
 * (one per period, editable), shown above the comments; a reply to one comment is `replyComment`.
 */
export const replyFirm = defineAction({
  input: ZReplyRequest,
  async handler({ firmId, periodId, body }, ctx) {
    if (!isFirmStaff(ctx.actor, firmId)) throw forbidden('只有该物业企业的工作人员可以回应');
    const period = await ctx.ds.manager.findOne(RatingPeriod, { where: { id: periodId } });
    if (!period) throw notFound('评价期');
    if (period.status === 'open') throw invalidTransition('评价期截止后才能回应');
    if (!(await ctx.platform.content.allows(body, ctx.actor.openid))) throw invalidInput('body', '回应内容未通过审核，请修改后再提交');
    const now = clock.now();
    try {
      await ctx.tx((tx) => tx.insert(FirmReply, { periodId, firmId, body, authorId: ctx.actor.userId, updatedAt: now }));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      await ctx.tx((tx) => tx.update(FirmReply, { periodId, firmId }, { body, authorId: ctx.actor.userId, updatedAt: now }));
    }
    return getFirmCard.handler({ firmId }, ctx);
  },
});
