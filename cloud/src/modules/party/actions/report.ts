import { ZReportRequest } from '@hg/types/party-schemas';
import { defineAction } from '../../../core/action';
import { reportTo } from '../reports';

/** 双报到: a party member reports to a compound's branch (one active report at a time). */
export const report = defineAction({ input: ZReportRequest, handler: (input, ctx) => reportTo(ctx, input) });
