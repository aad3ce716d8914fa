import { z } from 'zod';
import { FindingCategory, GRID_LIMITS as L, GridKind, VisitKind, VisitWay } from './grids';
import { PHOTO_ID_PATTERN, ZVoiceNote } from './needs-schemas';
import { defineSettings } from './settings';
import { cursor, enumOf, id, isoTime, limit, optionalText, personName, phone, text } from './primitives';

/** Request schemas of the `grids` function (strict, zh-CN). */

const gridId = id;
const reason = text(L.reasonMax, '原因');
const requestId = z.string({ error: '缺少请求编号' }).trim().min(8, '请求编号无效').max(L.requestIdMax, '请求编号无效');
const photoIds = z.array(z.string().regex(PHOTO_ID_PATTERN, '图片无效，请重新上传')).max(L.photosMax, `最多${L.photosMax}张图片`);

export const ZListGridsRequest = z.object({ communityId: id.optional() }).strict();
export type TListGridsRequest = z.input<typeof ZListGridsRequest>;

export const ZGridRequest = z.object({ gridId }).strict();
export type TGridRequest = z.input<typeof ZGridRequest>;

export const ZCreateGridRequest = z.object({ communityId: id, kind: enumOf(GridKind), name: text(L.nameMax, '网格名称') }).strict();
export type TCreateGridRequest = z.input<typeof ZCreateGridRequest>;

/** Add a whole building (no unitId) or one of its units to a grid. */
export const ZAddCoverageRequest = z.object({ gridId, buildingId: id, unitId: id.optional() }).strict();
export type TAddCoverageRequest = z.input<typeof ZAddCoverageRequest>;

export const ZEndCoverageRequest = z.object({ gridId, coverageId: id, reason }).strict();
export type TEndCoverageRequest = z.input<typeof ZEndCoverageRequest>;

/** Put a grid worker of the grid's community (by their account's phone) on the grid. */
export const ZAssignWorkerRequest = z.object({ gridId, phone, note: optionalText(L.noteMax, '说明') }).strict();
export type TAssignWorkerRequest = z.input<typeof ZAssignWorkerRequest>;

export const ZUnassignWorkerRequest = z.object({ gridId, assignmentId: id, reason }).strict();
export type TUnassignWorkerRequest = z.input<typeof ZUnassignWorkerRequest>;

export const ZFinding = z
  .object({
    category: enumOf(FindingCategory),
    count: z.number({ error: '请填写数量' }).int('数量须为整数').min(1, '数量至少为1').max(L.findingCountMax, `数量最多${L.findingCountMax}`),
    text: optionalText(L.findingTextMax, '情况说明'),
    solved: z.boolean({ error: '请选择是否当场解决' }),
  })
  .strict();
export type TFinding = z.input<typeof ZFinding>;

/** What a visit records; a visit with no findings needs no typing (every text is optional). */
const visitFields = {
  kind: enumOf(VisitKind),
  way: enumOf(VisitWay),
  visitedAt: isoTime,
  minutes: z.number({ error: '请填写用时' }).int('用时须为整数分钟').min(1, '用时至少1分钟').max(L.visitMinutesMax, `用时最多${L.visitMinutesMax}分钟`),
  contactMade: z.boolean({ error: '请选择是否见到人' }),
  findings: z.array(ZFinding).max(L.findingsMax, `最多${L.findingsMax}项发现`),
  notes: optionalText(L.visitNotesMax, '备注'),
};

export const ZRecordVisitRequest = z
  .object({
    requestId,
    gridId,
    householdId: id.optional(),
    buildingId: id.optional(),
    ...visitFields,
    photoIds: photoIds.optional(),
    voiceNote: ZVoiceNote.optional(),
  })
  .strict()
  .refine((v) => (v.householdId === undefined) !== (v.buildingId === undefined), { message: '请选择走访的住户或楼栋', path: ['householdId'] });
export type TRecordVisitRequest = z.input<typeof ZRecordVisitRequest>;

/** Within 24 hours of recording, its worker may change what was recorded (findings already filed as needs stay). */
export const ZEditVisitRequest = z
  .object({ visitId: id, ...visitFields, findings: visitFields.findings.optional() })
  .partial({ kind: true, way: true, visitedAt: true, minutes: true, contactMade: true, notes: true })
  .strict();
export type TEditVisitRequest = z.input<typeof ZEditVisitRequest>;

/** After the lock: a correction appended with its reason; the visit shows the corrected values and keeps before/after. */
export const ZCorrectVisitRequest = z
  .object({
    visitId: id,
    reason,
    minutes: visitFields.minutes.optional(),
    contactMade: visitFields.contactMade.optional(),
    way: visitFields.way.optional(),
    notes: visitFields.notes,
  })
  .strict()
  .refine((v) => v.minutes !== undefined || v.contactMade !== undefined || v.way !== undefined || v.notes !== undefined, {
    message: '请填写要更正的内容',
    path: ['reason'],
  });
export type TCorrectVisitRequest = z.input<typeof ZCorrectVisitRequest>;

export const ZVisitRequest = z.object({ visitId: id }).strict();
export type TVisitRequest = z.input<typeof ZVisitRequest>;

/** A grid's visits, or one worker's (staff), newest first. */
export const ZListVisitsRequest = z.object({ gridId: id.optional(), workerId: id.optional(), cursor, limit }).strict();
export type TListVisitsRequest = z.input<typeof ZListVisitsRequest>;

/**
 * 转为需求: a finding not solved on the spot becomes a need filed by the worker for the visited
 * household, once. The resident's name and phone default to the household's verified member.
 */
export const ZFileFindingRequest = z
  .object({ findingId: id, categoryId: id, contactName: personName.optional(), contactPhone: phone.optional() })
  .strict();
export type TFileFindingRequest = z.input<typeof ZFileFindingRequest>;

/** Mark a household for planned visits (独居老人 …): community staff of its community. */
export const ZFlagTargetRequest = z.object({ householdId: id, reason: text(L.reasonMax, '走访原因') }).strict();
export type TFlagTargetRequest = z.input<typeof ZFlagTargetRequest>;

export const ZUnflagTargetRequest = z.object({ targetId: id, reason }).strict();
export type TUnflagTargetRequest = z.input<typeof ZUnflagTargetRequest>;

export const ZListTargetsRequest = z.object({ communityId: id }).strict();
export type TListTargetsRequest = z.input<typeof ZListTargetsRequest>;

/** The caller's planned visits (a worker: their grids'; staff: one grid's with `gridId`). */
export const ZListPlansRequest = z.object({ gridId: id.optional() }).strict();
export type TListPlansRequest = z.input<typeof ZListPlansRequest>;

/** Cancel a planned visit: only with a reason. */
export const ZCancelPlanRequest = z.object({ planId: id, reason }).strict();
export type TCancelPlanRequest = z.input<typeof ZCancelPlanRequest>;

/**
 * 城市配置 › 网格走访: how often target households (独居老人 …) are visited — every month by default —
 * and whether the timer plans them at all.
 */
export const ZGridsSettings = z
  .object({
    planVisits: z.boolean({ error: '请选择是否生成计划走访' }),
    cadenceMonths: z.number({ error: '请填写走访周期' }).int('走访周期须为整数').min(1, '走访周期至少1个月').max(12, '走访周期最多12个月'),
  })
  .strict();
export type TGridsSettings = z.infer<typeof ZGridsSettings>;

export const GRIDS_SETTINGS = defineSettings({
  key: 'grids',
  label: '网格走访',
  schema: ZGridsSettings,
  defaults: { planVisits: true, cadenceMonths: 1 },
  fields: [
    { key: 'planVisits', label: '生成计划走访', kind: 'switch', hint: '开启后，每个周期为标记的走访对象（如独居老人）自动安排一次走访。' },
    { key: 'cadenceMonths', label: '走访周期', kind: 'integer', unit: '个月', hint: '每个走访对象多少个月至少走访一次；1 即每月一次。' },
  ],
});
