import { ZWithdrawReportRequest } from '@hg/types/party-schemas';
import { defineAction } from '../../../core/action';
import { runReportStep, validUntilOf } from '../reports';

/** 报到审核 › 确认: the branch confirms; the report holds for a year. */
export const confirmReport = defineAction({
  input: ZWithdrawReportRequest,
  handler: ({ reportId }, ctx) =>
    runReportStep(ctx, reportId, 'confirm', (_r, now) => ({ decidedById: ctx.actor.userId, decidedAt: now, validUntil: validUntilOf(now), declineReason: null })),
});
