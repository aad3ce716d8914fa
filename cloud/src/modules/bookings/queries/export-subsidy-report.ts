import { ZSubsidyExportRequest, type ExportFileDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { exportSheet, type Cell } from '../../../core/spreadsheet';
import { buildSubsidyReport, subsidyReportScope } from '../subsidy-report';

const HEADER = ['日间照料中心', '老人', '补贴类别', '用餐次数', '补贴金额（元）', '自付金额（元）'];

/** Money as the office's sheet sums it: a number of 元, two decimals. */
const yuanCell = (fen: number): number => Math.round(fen) / 100;

/**
 * 导出补贴明细: the month's report as a spreadsheet, one row per elder and a 合计 row that is the
 * sum of the rows above it — the same numbers, the same scope and the same names (masked for
 * community / street staff) as `subsidyReport`, through core's one spreadsheet writer.
 */
export const exportSubsidyReport = defineAction({
  input: ZSubsidyExportRequest,
  async handler({ centreId, month, format }, { actor, ds, platform }): Promise<ExportFileDTO> {
    const scope = await subsidyReportScope(ds.manager, actor, centreId);
    const report = await buildSubsidyReport(ds.manager, scope, month);
    const rows: Cell[][] = report.elders.map((e) => [e.centre, e.name, e.tierLabel ?? '无', e.meals, yuanCell(e.subsidyFen), yuanCell(e.payFen)]);
    rows.push(['合计', null, null, report.total.meals, yuanCell(report.total.subsidyFen), yuanCell(report.total.payFen)]);
    const name = scope.label.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '').slice(0, 60);
    return exportSheet(platform.files, { name: `${month}助餐补贴`, header: HEADER, rows }, { format, filename: `${name}助餐补贴_${month}.${format}` });
  },
});
