import { ZWithdrawReportRequest } from '@hg/types/party-schemas';
import { defineAction } from '../../../core/action';
import { runReportStep } from '../reports';

/** The member withdraws a live report (to report to another compound). */
export const withdrawReport = defineAction({
  input: ZWithdrawReportRequest,
  handler: ({ reportId }, ctx) => runReportStep(ctx, reportId, 'withdraw', () => ({ activeKey: null })),
});
