import { ZResultRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forbidden, notFound } from '../../../core/errors';
import { isCityAdmin } from '../../identity/public';
import { FirmResult } from '../entities';
import { isFirmStaff } from '../rating.policy';
import { versionsOf } from '../review';
import { presentVersions } from '../review.presenter';

/** 更正记录: every version of a result with its reason, who and when — for the firm's staff and the admin. */
export const getResultVersions = defineAction({
  input: ZResultRequest,
  async handler({ resultId }, ctx) {
    const result = await ctx.ds.manager.findOne(FirmResult, { where: { id: resultId } });
    if (!result) throw notFound('评价结果');
    if (!isCityAdmin(ctx.actor) && !isFirmStaff(ctx.actor, result.firmId)) throw forbidden('只有管理员和该物业企业可以查看更正记录');
    return presentVersions(ctx.ds.manager, await versionsOf(ctx.ds.manager, resultId));
  },
});
