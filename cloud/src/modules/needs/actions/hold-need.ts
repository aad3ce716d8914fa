import { formatLocalTime, NEED_RULES, ZHoldNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { invalidInput } from '../../../core/errors';
import { moveNeed, runNeedAction } from '../need-flow';
import { tellResidents } from '../need-followers';

const MAX_HOLD_DAYS = 30;

/** 挂起 with a resume time (waiting for parts, a holiday…); the timer resumes it. */
export const holdNeed = defineAction({
  input: ZHoldNeedRequest,
  handler: ({ needId, resumeAt, reason }, ctx) =>
    runNeedAction(ctx, needId, 'hold', async ({ em, need, actor, now, notifier }) => {
      const until = new Date(resumeAt);
      if (until.getTime() <= now.getTime()) throw invalidInput('resumeAt', '恢复时间须晚于现在');
      if (until.getTime() - now.getTime() > MAX_HOLD_DAYS * 24 * 3600 * 1000) throw invalidInput('resumeAt', `挂起不超过${MAX_HOLD_DAYS}天`);
      await moveNeed(em, need, 'hold', { by: actor.userId, patch: { holdUntil: until, updatedAt: now }, note: reason.slice(0, NEED_RULES.noteMax) });
      await tellResidents(em, notifier, need, { title: '需求暂时挂起', body: `#${need.id} ${reason}，预计${formatLocalTime(until, now)}恢复办理` });
    }),
});
