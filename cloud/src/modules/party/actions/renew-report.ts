import { localYear } from '@hg/types';
import { ZWithdrawReportRequest } from '@hg/types/party-schemas';
import { defineAction } from '../../../core/action';
import { runReportStep } from '../reports';

/** 续报: a lapsed report is made again for this year — pending until the branch confirms it (one active report still holds). */
export const renewReport = defineAction({
  input: ZWithdrawReportRequest,
  handler: ({ reportId }, ctx) =>
    runReportStep(ctx, reportId, 'renew', (r, now) => ({
      activeKey: String(r.userId),
      year: localYear(now),
      validUntil: null,
      decidedById: null,
      decidedAt: null,
      declineReason: null,
    })),
});
