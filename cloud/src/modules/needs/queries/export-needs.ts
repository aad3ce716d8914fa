import { CHANNEL_LABEL, LEVEL_LABEL, NEED_LIST_LABEL, NEED_STATUS_LABEL, ZNeedExportRequest, type NeedExportDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { invalidInput } from '../../../core/errors';
import { Community } from '../../community/public';
import { needRelations } from '../need.presenter';
import { Need } from '../need.entity';
import { toCsv, toXlsx, type Cell, type Sheet } from './export-formats';
import { periodOf, staffScope } from './need-scope';

/** Beyond this the call asks for a shorter period instead of building a file nobody can open. */
export const EXPORT_MAX_ROWS = 50_000;

const HEADER = [
  '编号',
  '类别',
  '清单',
  '小区',
  '楼栋',
  '状态',
  '层级',
  '渠道',
  '接单方',
  '创建时间',
  '首次响应时间',
  '办结时间',
  '评分',
  '催办次数',
  '重开次数',
];

const MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Times in China Standard Time (UTC+8, no daylight saving), as the staff read them. */
const CST_OFFSET_MS = 8 * 3600 * 1000;
export const chinaTime = (d: Date | null) => (d ? new Date(d.getTime() + CST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ') : null);

/**
 * A download name every system accepts: no path separators, reserved or control characters, and
 * dates as YYYY-MM-DD only while they are representable (the schema bounds them; this never throws).
 */
export function exportFileName(community: string, from: Date, to: Date, ext: string): string {
  const day = (d: Date) => {
    const t = d.getTime() + CST_OFFSET_MS;
    const iso = Number.isFinite(t) && Math.abs(t) <= 8.64e15 ? new Date(t).toISOString() : '';
    return /^\d{4}-/.test(iso) ? iso.slice(0, 10) : '';
  };
  const name =
    community
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '')
      .trim()
      .slice(0, 60) || '社区';
  const range = [day(from), day(new Date(to.getTime() - 1))].filter(Boolean).join('至');
  return `${name}需求台账${range ? `_${range}` : ''}.${ext}`;
}

/**
 * 导出台账: a community's needs created in [from, to) as CSV or XLSX for the staff who run it.
 * Only the columns below — never a resident's name, phone, address or the description.
 */
export const exportNeeds = defineAction({
  input: ZNeedExportRequest,
  async handler(input, { actor, ds }): Promise<NeedExportDTO> {
    const em = ds.manager;
    await staffScope(em, actor, input.communityId);
    const { from, to } = periodOf(input);
    const qb = em
      .createQueryBuilder(Need, 'n')
      .where('n.communityId = :communityId', { communityId: input.communityId })
      .andWhere('n.createdAt >= :from AND n.createdAt < :to', { from, to });
    const count = await qb.getCount();
    if (count > EXPORT_MAX_ROWS) throw invalidInput('to', `共${count}条，超过单次导出上限${EXPORT_MAX_ROWS}条，请缩短时间段`);

    const needs = await qb
      .select(['n.id', 'n.categoryId', 'n.list', 'n.compoundId', 'n.buildingId', 'n.status', 'n.level', 'n.channel', 'n.receiverOrgId', 'n.receiverUserId'])
      .addSelect(['n.createdAt', 'n.firstResponseAt', 'n.resolvedAt', 'n.rating', 'n.urgeCount', 'n.reopenCount'])
      .orderBy('n.id', 'ASC')
      .getMany();
    const [community, { categories, compounds, buildings, orgs, users }] = await Promise.all([
      em.findOneByOrFail(Community, { id: input.communityId }),
      needRelations(em, needs),
    ]);
    const rows: Cell[][] = needs.map((n) => [
      n.id,
      categories.get(n.categoryId)?.name ?? '',
      NEED_LIST_LABEL[n.list],
      compounds.get(n.compoundId)?.name ?? '',
      buildings.get(n.buildingId)?.name ?? '',
      NEED_STATUS_LABEL[n.status],
      LEVEL_LABEL[n.level],
      CHANNEL_LABEL[n.channel],
      (n.receiverOrgId ? orgs.get(n.receiverOrgId)?.name : n.receiverUserId ? users.get(n.receiverUserId)?.name : null) ?? null,
      chinaTime(n.createdAt),
      chinaTime(n.firstResponseAt),
      chinaTime(n.resolvedAt),
      n.rating,
      n.urgeCount,
      n.reopenCount,
    ]);
    const sheet: Sheet = { name: '需求台账', header: HEADER, rows };
    const file = input.format === 'csv' ? toCsv(sheet) : toXlsx(sheet);
    return {
      filename: exportFileName(community.name, from, to, input.format),
      mime: MIME[input.format],
      base64: file.toString('base64'),
      rows: rows.length,
    };
  },
});
