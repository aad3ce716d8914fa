import { z } from 'zod';
import { PARTY_LIMITS as L, PARTY_SETTINGS_DEFAULTS, PartyReportStatus, ServiceHoursStatus } from './party';
import { defineSettings } from './settings';
import { cursor, enumOf, id, isoTime, optionalText, text } from './primitives';

/** Request schemas of the `party` function (strict, zh-CN). */

export const ZEmptyPartyRequest = z.object({}).strict();
export type TEmptyPartyRequest = z.infer<typeof ZEmptyPartyRequest>;

/** 双报到: the compound, the building group (optional) and the member's own work unit (所在单位党组织). */
export const ZReportRequest = z
  .object({ compoundId: id, buildingId: id.optional(), workUnit: text(L.workUnitMax, '所在单位') })
  .strict();
export type TReportRequest = z.input<typeof ZReportRequest>;

export const ZWithdrawReportRequest = z.object({ reportId: id }).strict();
export type TWithdrawReportRequest = z.infer<typeof ZWithdrawReportRequest>;

export const ZDecideReportRequest = z.object({ reportId: id, reason: text(L.reasonMax, '不予确认的原因') }).strict();
export type TDecideReportRequest = z.input<typeof ZDecideReportRequest>;

export const ZReportsRequest = z.object({ compoundId: id, status: enumOf(PartyReportStatus).optional(), cursor }).strict();
export type TReportsRequest = z.infer<typeof ZReportsRequest>;

const year = z.number({ error: '请填写年度' }).int('年度须为整数').min(2000, '年度无效').max(2100, '年度无效');

export const ZSignCommitmentRequest = z
  .object({
    postCategory: text(L.categoryMax, '岗位类别'),
    roles: z
      .array(text(L.categoryMax, '六大员'), { error: '请选择六大员角色' })
      .min(1, '至少选择一项六大员角色')
      .max(L.rolesMax, `最多选择${L.rolesMax}项`)
      .refine((xs) => new Set(xs).size === xs.length, '六大员角色不能重复'),
    plannedHours: z.number({ error: '请填写计划时长' }).int('计划时长须为整数小时').min(1, '计划时长至少1小时').max(L.plannedHoursCap, `计划时长最多${L.plannedHoursCap}小时`),
    items: z
      .array(text(L.itemMax, '承诺事项'), { error: '请填写承诺事项' })
      .min(1, '至少填写一项承诺事项')
      .max(L.itemsMax, `最多${L.itemsMax}项承诺事项`),
  })
  .strict();
export type TSignCommitmentRequest = z.input<typeof ZSignCommitmentRequest>;

export const ZCommitmentRequest = z.object({ year: year.optional() }).strict();
export type TCommitmentRequest = z.infer<typeof ZCommitmentRequest>;

export const ZPublishActivityRequest = z
  .object({
    communityId: id,
    compoundId: id.optional(),
    title: text(30, '活动名称'),
    description: optionalText(L.activityDescriptionMax, '活动内容'),
    place: text(L.placeMax, '活动地点'),
    startsAt: isoTime,
    endsAt: isoTime,
    cutoffAt: isoTime.optional(),
    capacity: z.number({ error: '请填写名额' }).int('名额须为整数').min(1, '名额至少1人').max(L.capacityMax, `名额最多${L.capacityMax}人`),
  })
  .strict()
  .refine((a) => Date.parse(a.endsAt) > Date.parse(a.startsAt), { message: '结束时间须晚于开始时间', path: ['endsAt'] });
export type TPublishActivityRequest = z.input<typeof ZPublishActivityRequest>;

export const ZActivitiesRequest = z.object({ communityId: id.optional() }).strict();
export type TActivitiesRequest = z.infer<typeof ZActivitiesRequest>;

export const ZSignUpRequest = z.object({ activityId: id, requestId: text(40, '请求编号') }).strict();
export type TSignUpRequest = z.input<typeof ZSignUpRequest>;

export const ZAttendRequest = z
  .object({
    activityId: id,
    code: z.string({ error: '请填写签到码' }).trim().min(4, '签到码无效').max(12, '签到码无效'),
  })
  .strict();
export type TAttendRequest = z.input<typeof ZAttendRequest>;

export const ZHoursListRequest = z.object({ communityId: id, status: enumOf(ServiceHoursStatus).optional(), cursor }).strict();
export type THoursListRequest = z.infer<typeof ZHoursListRequest>;

export const ZMyHoursRequest = z.object({ year: year.optional() }).strict();
export type TMyHoursRequest = z.infer<typeof ZMyHoursRequest>;

export const ZDecideHoursRequest = z
  .object({ hoursId: id, approve: z.boolean({ error: '请选择认定或不认定' }), reason: optionalText(L.reasonMax, '原因') })
  .strict()
  .refine((d) => d.approve || !!d.reason, { message: '不认定时请写明原因', path: ['reason'] });
export type TDecideHoursRequest = z.input<typeof ZDecideHoursRequest>;

export const ZCorrectHoursRequest = z
  .object({
    hoursId: id,
    minutes: z.number({ error: '请填写时长' }).int('时长须为整数分钟').min(1, '时长至少1分钟').max(L.minutesMax, '时长不能超过24小时'),
    reason: text(L.reasonMax, '更正原因'),
  })
  .strict();
export type TCorrectHoursRequest = z.input<typeof ZCorrectHoursRequest>;

const list = (label: string, n: number) =>
  z
    .array(text(L.categoryMax, label))
    .min(1, `至少一项${label}`)
    .max(n, `最多${n}项${label}`)
    .refine((xs) => new Set(xs).size === xs.length, `${label}不能重复`);

export const ZPartySettings = z
  .object({
    postCategories: list('岗位类别', 10),
    roles: list('六大员', 12),
    plannedHoursMax: z.number({ error: '请填写计划时长上限' }).int('须为整数').min(1, '至少1小时').max(L.plannedHoursCap, `最多${L.plannedHoursCap}小时`),
  })
  .strict();

/** 城市配置 › 党员履职: the post categories and 六大员 a commitment picks from, and the planned hours a year at most. */
export const PARTY_SETTINGS = defineSettings({
  key: 'party',
  label: '党员履职',
  schema: ZPartySettings,
  defaults: PARTY_SETTINGS_DEFAULTS,
  fields: [{ key: 'plannedHoursMax', label: '计划时长上限', kind: 'integer', unit: '小时', hint: '履职承诺书里每年计划服务时长的上限。' }],
});
