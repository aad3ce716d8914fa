import { ZCorrectResultRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden } from '../../../core/errors';
import { isCityAdmin } from '../../identity/public';
import { Notifier } from '../../notifications/public';
import { correctResult, versionsOf } from '../review';
import { presentVersions } from '../review.presenter';

/**
 * The admin corrects a public result (in 公示 or final) with a reason: a new version, the old ones
 * kept; the card shows 已更正 with the date. Returns the result's versions, oldest first.
 */
export const correctResultAction = defineAction({
  input: ZCorrectResultRequest,
  async handler({ resultId, reason, criteria }, ctx) {
    if (!isCityAdmin(ctx.actor)) throw forbidden('只有管理员可以更正结果');
    let notifier = new Notifier();
    await ctx.tx(async (em) => {
      notifier = new Notifier();
      await correctResult(em, notifier, { resultId, criteria, reason, by: ctx.actor.userId, at: clock.now() });
    });
    return presentVersions(ctx.ds.manager, await versionsOf(ctx.ds.manager, resultId));
  },
});
