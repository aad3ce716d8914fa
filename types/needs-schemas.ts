import { z } from 'zod';
import { LIMITS, PHONE_PATTERN } from './limits';
import { OrgKind } from './enums';
import {
  CLOUD_VOICE_ID_PATTERN,
  DispatchMode,
  INBOX_TABS,
  LOCAL_VOICE_ID_PATTERN,
  NEED_RULES,
  VOICE_RULES,
  NEED_SEARCH_RULES,
  NeedList,
  NeedPlace,
  NeedStatus,
  EscalationLevel,
  QUEUE_TABS,
  RejectReason,
} from './needs';
import { cursor, enumOf, id, isoTime, limit, optionalText, text } from './primitives';
import { CLOUD_FILE_ID_PATTERN, LOCAL_PHOTO_ID_PATTERN } from './limits';

/** Request schemas of the `needs` function. Same conventions as ./schemas.ts. */

const needId = id;
/** A photo reference returned by the upload step: a cloud fileID on WeChat, a local store id locally. */
export const PHOTO_ID_PATTERN = new RegExp(`(${CLOUD_FILE_ID_PATTERN.source})|(${LOCAL_PHOTO_ID_PATTERN.source})`);
const photoId = z.string().regex(PHOTO_ID_PATTERN, '图片无效，请重新上传');
const photos = z.array(photoId).max(NEED_RULES.maxPhotos, `最多${NEED_RULES.maxPhotos}张图片`);
export { DATE_RANGE } from './primitives';
/** A voice note returned by the upload step (.wav on both platforms), with its client-measured length. */
export const VOICE_ID_PATTERN = new RegExp(`(${CLOUD_VOICE_ID_PATTERN.source})|(${LOCAL_VOICE_ID_PATTERN.source})`);
export const ZVoiceNote = z
  .object({
    fileId: z.string().regex(VOICE_ID_PATTERN, '语音无效，请重新录制'),
    durationSec: z
      .number({ error: '语音时长无效' })
      .int('语音时长无效')
      .min(VOICE_RULES.minSeconds, '录音太短，请按住说话')
      .max(VOICE_RULES.maxSeconds, `语音不超过${VOICE_RULES.maxSeconds}秒`),
  })
  .strict();
export type TVoiceNote = z.infer<typeof ZVoiceNote>;
/** How far the escalation tick's injected `now` may lie from the real clock. */
export const TICK_NOW_MAX_SKEW_MS = 366 * 24 * 3600 * 1000;

export const ZCreateNeedRequest = z
  .object({
    categoryId: id,
    /** Who to call back: the caller's household (verified or pending binding), or one they may file for (代办). */
    householdId: id,
    /** Optional when a voice note says it instead (语音点单); one of the two is required. */
    description: optionalText(NEED_RULES.descriptionMax, '需求描述'),
    location: optionalText(NEED_RULES.locationMax, '位置'),
    photoIds: photos.optional(),
    voiceNote: ZVoiceNote.optional(),
    /** Proxy filing (grid worker / head / staff) for residents without a phone: who to contact. */
    contactName: optionalText(LIMITS.nameMax, '姓名'),
    contactPhone: z.string().trim().regex(PHONE_PATTERN, '请填写11位手机号').optional(),
    /** 位置: the home (default), one building's public area (`buildingId` of the household's compound), or the compound's. */
    place: enumOf(NeedPlace).optional(),
    buildingId: id.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.description && !v.voiceNote) ctx.addIssue({ code: 'custom', path: ['description'], message: '请填写需求描述，或按住录一段语音' });
    if (v.place === 'building' && !v.buildingId) ctx.addIssue({ code: 'custom', path: ['buildingId'], message: '请选择楼栋' });
    if (v.place !== 'building' && v.buildingId) ctx.addIssue({ code: 'custom', path: ['buildingId'], message: '只有公共区域可以选择楼栋' });
  });
export type TCreateNeedRequest = z.infer<typeof ZCreateNeedRequest>;

/** Admin: create (no categoryId) or update a category. SLA hours within a year. */
export const ZSaveCategoryRequest = z
  .object({
    categoryId: id.optional(),
    code: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,29}$/, '编码为2-30位小写字母、数字或下划线'),
    name: text(30, '类别名称'),
    icon: z.string().trim().min(1, '请选择图标').max(8, '图标过长'),
    list: enumOf(NeedList),
    dispatchMode: enumOf(DispatchMode),
    defaultOrgKind: enumOf(OrgKind).nullable().optional(),
    partyClaimable: z.boolean(),
    acceptSlaHours: z.number().int().min(1, '至少1小时').max(8760, '不超过一年'),
    resolveSlaHours: z.number().int().min(1, '至少1小时').max(8760, '不超过一年'),
    active: z.boolean().optional(),
  })
  .strict();
export type TSaveCategoryRequest = z.infer<typeof ZSaveCategoryRequest>;

export const ZNeedRequest = z.object({ needId }).strict();
export type TNeedRequest = z.infer<typeof ZNeedRequest>;

export const ZListMyNeedsRequest = z.object({ open: z.boolean().optional(), cursor, limit }).strict();
export type TListMyNeedsRequest = z.infer<typeof ZListMyNeedsRequest>;

/** Work-list search: a need number (#123 or 123) or words of the description. */
const search = z.string().trim().max(NEED_SEARCH_RULES.queryMax, `搜索内容不超过${NEED_SEARCH_RULES.queryMax}个字`).optional();

/** 搜索更早: a text search over the needs filed before the search window (NEED_SEARCH_RULES.searchWindowDays). */
const older = z.boolean().optional();
export const ZInboxRequest = z.object({ status: enumOf(NeedStatus).optional(), tab: z.enum(INBOX_TABS).optional(), q: search, older, cursor, limit }).strict();
export type TInboxRequest = z.infer<typeof ZInboxRequest>;

export const ZDispatchQueueRequest = z
  .object({
    communityId: id.optional(),
    compoundId: id.optional(),
    status: enumOf(NeedStatus).optional(),
    level: enumOf(EscalationLevel).optional(),
    categoryId: id.optional(),
    overdue: z.boolean().optional(),
    tab: z.enum(QUEUE_TABS).optional(),
    q: search,
    older,
    cursor,
    limit,
  })
  .strict();
export type TDispatchQueueRequest = z.infer<typeof ZDispatchQueueRequest>;

/** Tab counts of the 派单台 / 接单箱: the list's filters without tab, status or paging. */
export const ZDispatchCountsRequest = ZDispatchQueueRequest.omit({ tab: true, status: true, cursor: true, limit: true });
export type TDispatchCountsRequest = z.infer<typeof ZDispatchCountsRequest>;
export const ZInboxCountsRequest = ZInboxRequest.omit({ tab: true, status: true, cursor: true, limit: true });
export type TInboxCountsRequest = z.infer<typeof ZInboxCountsRequest>;

export const ZClaimableRequest = z.object({ cursor, limit }).strict();
export type TClaimableRequest = z.infer<typeof ZClaimableRequest>;

/** Dispatch or transfer to an organisation, or to a party member (user). Exactly one. */
const target = {
  orgId: id.optional(),
  userId: id.optional(),
};
const oneTarget = (v: { orgId?: number; userId?: number }) => (v.orgId === undefined) !== (v.userId === undefined);
export const ZDispatchNeedRequest = z
  .object({ needId, ...target, note: optionalText(NEED_RULES.noteMax, '说明') })
  .strict()
  .refine(oneTarget, { message: '请选择一个接单方', path: ['orgId'] });
export type TDispatchNeedRequest = z.infer<typeof ZDispatchNeedRequest>;
/**
 * 转单 keeps the state (dispatched → dispatched), so the status alone cannot tell two people moving
 * the same need apart: `seenAt` (the updatedAt of the detail the caller acted on) makes a transfer
 * from a stale view answer CONFLICT.
 */
export const ZTransferNeedRequest = z
  .object({ needId, ...target, note: optionalText(NEED_RULES.noteMax, '说明'), seenAt: isoTime.optional() })
  .strict()
  .refine(oneTarget, { message: '请选择一个接单方', path: ['orgId'] });
export type TTransferNeedRequest = z.infer<typeof ZTransferNeedRequest>;

export const ZReceiversRequest = z.object({ needId }).strict();
export type TReceiversRequest = z.infer<typeof ZReceiversRequest>;

export const ZDeclineNeedRequest = z.object({ needId, reason: text(NEED_RULES.noteMax, '退单理由') }).strict();
export type TDeclineNeedRequest = z.infer<typeof ZDeclineNeedRequest>;

export const ZHoldNeedRequest = z.object({ needId, resumeAt: isoTime, reason: text(NEED_RULES.noteMax, '挂起原因') }).strict();
export type THoldNeedRequest = z.infer<typeof ZHoldNeedRequest>;

export const ZResolveNeedRequest = z
  .object({
    needId,
    note: text(NEED_RULES.noteMax, '办结说明'),
    photoIds: photos.min(1, '请至少上传1张办结照片'),
  })
  .strict();
export type TResolveNeedRequest = z.infer<typeof ZResolveNeedRequest>;

export const ZRateNeedRequest = z
  .object({
    needId,
    stars: z.number({ error: '请选择评分' }).int('评分必须是整数').min(1, '评分为1到5星').max(5, '评分为1到5星'),
    comment: optionalText(NEED_RULES.commentMax, '评价'),
  })
  .strict();
export type TRateNeedRequest = z.infer<typeof ZRateNeedRequest>;

export const ZReopenNeedRequest = z.object({ needId, reason: text(NEED_RULES.noteMax, '重新打开的原因') }).strict();
export type TReopenNeedRequest = z.infer<typeof ZReopenNeedRequest>;

export const ZCancelNeedRequest = z.object({ needId, reason: optionalText(NEED_RULES.noteMax, '原因') }).strict();
export type TCancelNeedRequest = z.infer<typeof ZCancelNeedRequest>;

export const ZRejectNeedRequest = z.object({ needId, reasonCode: enumOf(RejectReason), note: optionalText(NEED_RULES.noteMax, '说明') }).strict();
export type TRejectNeedRequest = z.infer<typeof ZRejectNeedRequest>;

export const ZMergeNeedRequest = z
  .object({ needId, intoNeedId: id })
  .strict()
  .refine((v) => v.needId !== v.intoNeedId, { message: '不能合并到自身', path: ['intoNeedId'] });
export type TMergeNeedRequest = z.infer<typeof ZMergeNeedRequest>;

/** A comment is words, a voice note, or both; the text is optional when a voice note is attached. */
export const ZCommentNeedRequest = z
  .object({ needId, body: optionalText(NEED_RULES.commentMax, '留言'), voiceNote: ZVoiceNote.optional() })
  .strict()
  .refine((v) => !!v.body || !!v.voiceNote, { message: '请填写留言', path: ['body'] });
export type TCommentNeedRequest = z.infer<typeof ZCommentNeedRequest>;

export const ZNeedBoardRequest = z.object({ compoundId: id, buildingId: id.optional(), days: z.number().int().min(1).max(366).optional() }).strict();
export type TNeedBoardRequest = z.infer<typeof ZNeedBoardRequest>;

const period = { from: isoTime, to: isoTime };
export const ZNeedStatsRequest = z.object({ communityId: id.optional(), ...period }).strict();
export type TNeedStatsRequest = z.infer<typeof ZNeedStatsRequest>;

export const ZNeedExportRequest = z.object({ communityId: id, ...period, format: z.enum(['csv', 'xlsx']) }).strict();
export type TNeedExportRequest = z.infer<typeof ZNeedExportRequest>;

/** The escalation timer. `now` is honoured only outside production, for tests and demos. */
export const ZEscalationTickRequest = z
  .object({ now: isoTime.refine((s) => Math.abs(Date.parse(s) - Date.now()) <= TICK_NOW_MAX_SKEW_MS, '指定时间须在当前时间前后一年之内').optional() })
  .strict();
export type TEscalationTickRequest = z.infer<typeof ZEscalationTickRequest>;

/** 合并 candidates for one need (staff who may merge it). */
export const ZMergeCandidatesRequest = z.object({ needId }).strict();
export type TMergeCandidatesRequest = z.infer<typeof ZMergeCandidatesRequest>;

/** 升级待办: needs that reached the caller's rung of the ladder; `overdue` keeps only those past their SLA deadline. */
export const ZLadderRequest = z.object({ overdue: z.boolean().optional(), cursor, limit }).strict();
export type TLadderRequest = z.infer<typeof ZLadderRequest>;
/** 升级待办's badges: the rows each tab would list, for the caller's rungs and scopes. */
export const ZLadderCountsRequest = z.object({}).strict();
export type TLadderCountsRequest = z.infer<typeof ZLadderCountsRequest>;
