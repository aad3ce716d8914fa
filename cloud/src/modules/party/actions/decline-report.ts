import { ZDecideReportRequest } from '@hg/types/party-schemas';
import { defineAction } from '../../../core/action';
import { runReportStep } from '../reports';

/** 报到审核 › 不予确认, with the reason the member reads; the active key is freed. */
export const declineReport = defineAction({
  input: ZDecideReportRequest,
  handler: ({ reportId, reason }, ctx) =>
    runReportStep(ctx, reportId, 'decline', (_r, now) => ({ decidedById: ctx.actor.userId, decidedAt: now, declineReason: reason, activeKey: null }), reason),
});
