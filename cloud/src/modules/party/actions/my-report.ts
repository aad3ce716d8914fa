import { ZEmptyPartyRequest } from '@hg/types/party-schemas';
import { defineAction } from '../../../core/action';
import { presentReports } from '../party.presenter';
import { latestReportOf } from '../reports';

/** 我的报到: the member's latest report, or null. */
export const myReport = defineAction({
  input: ZEmptyPartyRequest,
  async handler(_input, ctx) {
    const r = await latestReportOf(ctx.ds.manager, ctx.actor.userId);
    return r ? (await presentReports(ctx.ds.manager, [r], ctx.actor))[0] : null;
  },
});
