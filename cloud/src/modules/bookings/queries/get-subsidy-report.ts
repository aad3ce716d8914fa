import { ZSubsidyReportRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { buildSubsidyReport, subsidyReportScope } from '../subsidy-report';

/**
 * 助餐补贴月报 for the civil-affairs office: one centre's month (its staff; community / street
 * staff over it), or — without `centreId` — every centre in a community / street staff member's
 * scope, rolled up. Per tier, per centre and per elder; it adds up (see buildSubsidyReport).
 */
export const getSubsidyReport = defineAction({
  input: ZSubsidyReportRequest,
  async handler({ centreId, month }, { actor, ds }) {
    return buildSubsidyReport(ds.manager, await subsidyReportScope(ds.manager, actor, centreId), month);
  },
});
