import type { EntityManager } from 'typeorm';
import {
  CHANNEL_LABEL,
  LEVEL_LABEL,
  localDateTime,
  localDay,
  NEED_LIST_LABEL,
  NEED_STATUS_LABEL,
  REJECT_REASON_LABEL,
  ZNeedExportRequest,
  type NeedExportDTO,
} from '@hg/types';
import { defineAction } from '../../../core/action';
import { invalidInput, notFound } from '../../../core/errors';
import { communityRepo } from '../../community/public';
import { needEvents } from '../need-events';
import { needRelations, presentPlace } from '../need.presenter';
import { Need } from '../need.entity';
import { exportSheet, type Cell, type Sheet } from '../../../core/spreadsheet';
import { periodOf, staffScope } from './need-scope';

/** Beyond this the call asks for a shorter period instead of building a file nobody can open. */
export const EXPORT_MAX_ROWS = 50_000;

const HEADER = [
  '编号',
  '类别',
  '清单',
  '小区',
  '楼栋',
  '位置',
  '需求内容',
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
  '处理结果',
  '不予受理原因',
];

/** Times in Beijing time, as the staff read them. */
export const chinaTime = (d: Date | null) => (d ? localDateTime(d) : null);

/**
 * A download name every system accepts: no path separators, reserved or control characters, and
 * dates as YYYY-MM-DD only while they are representable (the schema bounds them; this never throws).
 */
export function exportFileName(community: string, from: Date, to: Date, ext: string): string {
  const day = (d: Date) => {
    let local = '';
    try {
      local = localDay(d);
    } catch {
      // beyond what a Date can hold once shifted to Beijing time: no day in the name
    }
    return /^\d{4}-/.test(local) ? local : '';
  };
  const name =
    community
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '')
      .trim()
      .slice(0, 60) || '社区';
  const range = [day(from), day(new Date(to.getTime() - 1))].filter(Boolean).join('至');
  return `${name}需求台账${range ? `_${range}` : ''}.${ext}`;
}

/** The 不予受理 event note of each rejected need ("重复提交：与 #12 相同"), in chunks of 1,000 ids. */
async function rejectNotes(em: EntityManager, needIds: number[]): Promise<Map<number, string>> {
  const notes = new Map<number, string>();
  for (let i = 0; i < needIds.length; i += 1000) {
    const events = await needEvents(em, needIds.slice(i, i + 1000), ['rejected']);
    for (const e of events) if (e.note) notes.set(e.needId, e.note);
  }
  return notes;
}

/**
 * 导出台账: a community's needs created in [from, to) as CSV or XLSX for the staff who run it:
 * what was asked (需求内容, 位置), how it went and how it ended (处理结果, 不予受理原因). Never a
 * resident's name or phone. Small files inline, large ones as a link (core EXPORT_INLINE_MAX_BYTES).
 */
export const exportNeeds = defineAction({
  input: ZNeedExportRequest,
  async handler(input, { actor, ds, platform }): Promise<NeedExportDTO> {
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
      .select([
        'n.id',
        'n.categoryId',
        'n.list',
        'n.compoundId',
        'n.buildingId',
        'n.unitId',
        'n.status',
        'n.level',
        'n.channel',
        'n.receiverOrgId',
        'n.receiverUserId',
      ])
      .addSelect(['n.createdAt', 'n.firstResponseAt', 'n.resolvedAt', 'n.rating', 'n.urgeCount', 'n.reopenCount'])
      .addSelect(['n.description', 'n.location', 'n.resolutionNote', 'n.rejectReason'])
      .orderBy('n.id', 'ASC')
      .getMany();
    const [community, { categories, compounds, buildings, orgs, users }, rejected] = await Promise.all([
      communityRepo.community(em, input.communityId),
      needRelations(em, needs),
      rejectNotes(
        em,
        needs.filter((n) => n.status === 'rejected').map((n) => n.id),
      ),
    ]);
    if (!community) throw notFound('社区');
    const rows: Cell[][] = needs.map((n) => {
      const building = buildings.get(n.buildingId)?.name ?? '';
      return [
        n.id,
        categories.get(n.categoryId)?.name ?? '',
        NEED_LIST_LABEL[n.list],
        compounds.get(n.compoundId)?.name ?? '',
        building,
        [presentPlace(n, building).placeLabel, n.location].filter(Boolean).join(' '),
        n.description || '[语音]',
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
        n.resolutionNote,
        n.status === 'rejected' ? (rejected.get(n.id) ?? (n.rejectReason ? REJECT_REASON_LABEL[n.rejectReason] : null)) : null,
      ];
    });
    const sheet: Sheet = { name: '需求台账', header: HEADER, rows };
    return exportSheet(platform.files, sheet, { format: input.format, filename: exportFileName(community.name, from, to, input.format) });
  },
});
