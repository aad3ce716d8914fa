import { ZLodgeObjectionRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, invalidInput, notFound } from '../../../core/errors';
import { Notifier } from '../../notifications/public';
import { FirmResult } from '../entities';
import { isFirmStaff } from '../rating.policy';
import { lodgeObjection } from '../review';
import { presentObjections } from '../review.presenter';

/**
 * 申诉: the firm's staff object to one of its results during 公示, with text and evidence photos
 * (checked like an assessor's). One result may get several objections; each is answered.
 */
export const lodgeObjectionAction = defineAction({
  input: ZLodgeObjectionRequest,
  async handler({ resultId, body, photoIds }, ctx) {
    const result = await ctx.ds.manager.findOne(FirmResult, { where: { id: resultId } });
    if (!result) throw notFound('评价结果');
    if (!isFirmStaff(ctx.actor, result.firmId)) throw forbidden('只有该物业企业的工作人员可以对结果提出异议');
    for (const p of photoIds ?? []) if (!(await ctx.platform.photos.exists(p))) throw invalidInput('photoIds', '图片无效，请重新上传');
    if (!(await ctx.platform.content.allows(body, ctx.actor.openid))) throw invalidInput('body', '异议内容未通过审核，请修改后再提交');
    const row = await lodgeObjection(ctx, () => new Notifier(), { result, body, photoIds: photoIds ?? [], by: ctx.actor.userId, at: clock.now() });
    return (await presentObjections(ctx.ds.manager, [row], ctx.actor))[0];
  },
});
