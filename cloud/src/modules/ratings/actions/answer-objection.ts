import { ZAnswerObjectionRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden } from '../../../core/errors';
import { isCityAdmin } from '../../identity/public';
import { Notifier } from '../../notifications/public';
import { answerObjection } from '../review';
import { presentObjections } from '../review.presenter';

/** The admin answers a firm's objection: upheld (the result is corrected, a new version) or rejected, with the answer. */
export const answerObjectionAction = defineAction({
  input: ZAnswerObjectionRequest,
  async handler({ objectionId, upheld, answer, criteria }, ctx) {
    if (!isCityAdmin(ctx.actor)) throw forbidden('只有管理员可以答复异议');
    const row = await answerObjection(ctx, () => new Notifier(), { objectionId, upheld, answer, criteria, by: ctx.actor.userId, at: clock.now() });
    return (await presentObjections(ctx.ds.manager, [row], ctx.actor))[0];
  },
});
