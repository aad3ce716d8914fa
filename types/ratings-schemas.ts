import { z } from 'zod';
import { CompoundType } from './enums';
import { Criterion, RATING_DIMENSIONS, RATING_RULES, REVIEW_RULES, ReportReason } from './ratings';
import { enumOf, id, isoDay, optionalText, text } from './primitives';
import { ZVoiceNote } from './needs-schemas';
import { transcriptText } from './voice-schemas';

/** Request schemas of the `ratings` function (strict, zh-CN). */

const star = z.number({ error: '请选择星级' }).int('请选择星级').min(1, '最少1星').max(5, '最多5星');
const percent = z.number().int().min(0).max(100);
const photoIds = z.array(z.string().max(260)).max(9, '最多9张图片');

/** A household rates the firm serving its compound in the open period (or changes its rating). */
export const ZRateFirmRequest = z
  .object({
    householdId: id,
    scores: z.object(Object.fromEntries(RATING_DIMENSIONS.map((d) => [d, star])) as Record<(typeof RATING_DIMENSIONS)[number], typeof star>).strict(),
    comment: optionalText(RATING_RULES.commentMax, '评价'),
    /** 语音留言 beside or instead of the comment: never public (docs/api.md, ratings). */
    voiceNote: ZVoiceNote.optional(),
  })
  .strict();
export type TRateFirmRequest = z.input<typeof ZRateFirmRequest>;

export const ZMyRatingRequest = z.object({ householdId: id }).strict();
export type TMyRatingRequest = z.infer<typeof ZMyRatingRequest>;

/** An assessor scores a firm's three assessed criteria 0–100 for the open period (editable until close). */
export const ZAssessFirmRequest = z
  .object({
    firmId: id,
    scores: z.object({ organisation: percent, team: percent, service: percent }).strict(),
    note: optionalText(RATING_RULES.noteMax, '说明'),
    photoIds: photoIds.optional(),
  })
  .strict();
export type TAssessFirmRequest = z.input<typeof ZAssessFirmRequest>;

/** The firm card: published result (and, for staff, a live preview of the open period). */
export const ZFirmCardRequest = z.object({ firmId: id, compoundId: id.optional() }).strict();
export type TFirmCardRequest = z.infer<typeof ZFirmCardRequest>;

export const ZLeaderboardRequest = z
  .object({ scope: z.enum(['city', 'street', 'community']).default('city'), scopeId: id.optional(), periodId: id.optional() })
  .strict()
  .refine((v) => v.scope === 'city' || v.scopeId !== undefined, { message: '请选择街道或社区', path: ['scopeId'] });
export type TLeaderboardRequest = z.input<typeof ZLeaderboardRequest>;

export const ZFirmRequest = z.object({ firmId: id }).strict();
export type TFirmRequest = z.infer<typeof ZFirmRequest>;

/** The firm's public reply for a period (one per period, editable). */
export const ZReplyRequest = z.object({ firmId: id, periodId: id, body: text(RATING_RULES.replyMax, '回复') }).strict();
export type TReplyRequest = z.infer<typeof ZReplyRequest>;

/** 举报 a public comment, with why (other when not given). */
export const ZReportCommentRequest = z.object({ ratingId: id, reason: enumOf(ReportReason).optional() }).strict();
export type TReportCommentRequest = z.infer<typeof ZReportCommentRequest>;

/** The firm's public reply to one comment (one current reply per comment, editable). */
export const ZReplyCommentRequest = z.object({ ratingId: id, body: text(RATING_RULES.replyMax, '回复') }).strict();
export type TReplyCommentRequest = z.infer<typeof ZReplyCommentRequest>;

export const ZModerateRequest = z.object({ ratingId: id, keep: z.boolean() }).strict();
export type TModerateRequest = z.infer<typeof ZModerateRequest>;

/** A moderator hides a fragment of a public comment (a name, a plate), keeping the rest of the criticism. */
export const ZMaskCommentRequest = z.object({ ratingId: id, fragment: text(RATING_RULES.commentMax, '要隐去的文字') }).strict();
export type TMaskCommentRequest = z.infer<typeof ZMaskCommentRequest>;

const periodFields = { code: z.string().regex(/^20\d{2}-(Q[1-4]|\d{2})$/, '期号如 2026-Q4 或 2026-11'), startsOn: isoDay, endsOn: isoDay };

/** Admin: open a period now, or schedule one to open by itself on its first day (quarterly by default: give its first and last day). */
export const ZOpenPeriodRequest = z
  .object(periodFields)
  .strict()
  .refine((v) => v.startsOn < v.endsOn, { message: '结束日期须晚于开始日期', path: ['endsOn'] });
export type TOpenPeriodRequest = z.infer<typeof ZOpenPeriodRequest>;

/** Admin: change a scheduled period's code or days before it opens. */
export const ZEditPeriodRequest = z
  .object({ periodId: id, ...periodFields })
  .strict()
  .refine((v) => v.startsOn < v.endsOn, { message: '结束日期须晚于开始日期', path: ['endsOn'] });
export type TEditPeriodRequest = z.infer<typeof ZEditPeriodRequest>;

export const ZPeriodRequest = z.object({ periodId: id }).strict();
export type TPeriodRequest = z.infer<typeof ZPeriodRequest>;

/** Admin: criteria weights of one compound type (percent, summing to 100); frozen into a period when it opens. */
export const ZSaveWeightsRequest = z
  .object({
    compoundType: enumOf(CompoundType),
    weights: z.object(Object.fromEntries(Object.values(Criterion).map((c) => [c, percent])) as Record<Criterion, typeof percent>).strict(),
  })
  .strict()
  .refine((v) => Object.values(v.weights).reduce((a, b) => a + b, 0) === 100, { message: '各项权重之和须为100', path: ['weights'] });
export type TSaveWeightsRequest = z.infer<typeof ZSaveWeightsRequest>;

/** Admin: start 公示 of a closed, reviewed period for `publicityDays` days (default REVIEW_RULES.publicityDays). */
export const ZPublishPeriodRequest = z
  .object({
    periodId: id,
    publicityDays: z
      .number({ error: '请填写公示天数' })
      .int('公示天数须为整数')
      .min(REVIEW_RULES.publicityDaysMin, `公示期至少${REVIEW_RULES.publicityDaysMin}天`)
      .max(REVIEW_RULES.publicityDaysMax, `公示期最多${REVIEW_RULES.publicityDaysMax}天`)
      .optional(),
  })
  .strict();
export type TPublishPeriodRequest = z.input<typeof ZPublishPeriodRequest>;

/** The assessed criteria a correction may set (0–100); 群众满意度 comes from households and is not corrected by hand. */
const corrected = z
  .object({ organisation: percent.optional(), team: percent.optional(), service: percent.optional() })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: '请至少更正一项得分' });

/** The firm's staff object (申诉) to one of its results during 公示, with evidence photos. */
export const ZLodgeObjectionRequest = z.object({ resultId: id, body: text(REVIEW_RULES.objectionMax, '异议内容'), photoIds: photoIds.optional() }).strict();
export type TLodgeObjectionRequest = z.input<typeof ZLodgeObjectionRequest>;

/** Admin: answer an objection; upholding it corrects the result (`criteria`), rejecting it needs no figures. */
export const ZAnswerObjectionRequest = z
  .object({ objectionId: id, upheld: z.boolean(), answer: text(REVIEW_RULES.answerMax, '答复'), criteria: corrected.optional() })
  .strict()
  .refine((v) => !v.upheld || !!v.criteria, { message: '采纳异议须填写更正后的得分', path: ['criteria'] });
export type TAnswerObjectionRequest = z.input<typeof ZAnswerObjectionRequest>;

/** Admin: correct a result in 公示 or after it is final, with a reason (a new version; the old kept). */
export const ZCorrectResultRequest = z.object({ resultId: id, reason: text(REVIEW_RULES.reasonMax, '更正原因'), criteria: corrected }).strict();
export type TCorrectResultRequest = z.input<typeof ZCorrectResultRequest>;

/** Objections of a period (admin: all; firm staff: their firm's), or of one firm. */
export const ZObjectionsRequest = z.object({ periodId: id.optional(), firmId: id.optional() }).strict();
export type TObjectionsRequest = z.infer<typeof ZObjectionsRequest>;

export const ZResultRequest = z.object({ resultId: id }).strict();
export type TResultRequest = z.infer<typeof ZResultRequest>;

/** Moderators: hide a rating's voice note from the firm (`hidden: false` gives it back). */
export const ZHideVoiceRequest = z.object({ ratingId: id, hidden: z.boolean() }).strict();
export type THideVoiceRequest = z.infer<typeof ZHideVoiceRequest>;

/** Correct the transcript of a rating's voice note (its author, the moderators). */
export const ZEditRatingTranscriptRequest = z.object({ ratingId: id, transcript: transcriptText }).strict();
export type TEditRatingTranscriptRequest = z.infer<typeof ZEditRatingTranscriptRequest>;
