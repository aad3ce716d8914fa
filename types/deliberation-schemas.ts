import { z } from 'zod';
import { BallotChannel, DELIBERATION_LIMITS as L, DELIBERATION_SETTINGS_DEFAULTS, MatterScopeLevel, MatterStatus } from './deliberation';
import { defineSettings } from './settings';
import { cursor, enumOf, id, isoTime, limit, text } from './primitives';

/** Request schemas of the `deliberation` function (strict, zh-CN). */

const options = z
  .array(text(L.optionMax, '选项'), { error: '请填写选项' })
  .min(L.optionsMin, `至少${L.optionsMin}个选项`)
  .max(L.optionsMax, `最多${L.optionsMax}个选项`)
  .refine((xs) => new Set(xs).size === xs.length, '选项不能重复');

const content = {
  title: text(L.titleMax, '议题标题'),
  text: text(L.textMax, '方案内容'),
  options,
};

/** The voting window: when the vote opens and closes (the notice period is checked by the server, from the city's rule). */
const windowShape = { opensAt: isoTime, closesAt: isoTime };
const windowOrdered = (w: { opensAt: string; closesAt: string }) => Date.parse(w.closesAt) > Date.parse(w.opensAt);
const windowIssue = { message: '截止时间须晚于开始时间', path: ['closesAt'] };

export const ZMatterRequest = z.object({ matterId: id }).strict();
export type TMatterRequest = z.infer<typeof ZMatterRequest>;

export const ZListMattersRequest = z.object({ compoundId: id, status: enumOf(MatterStatus).optional(), cursor, limit }).strict();
export type TListMattersRequest = z.infer<typeof ZListMattersRequest>;

/** Staff or a head drafts a matter for a place they hold a role over. */
export const ZCreateMatterRequest = z.object({ ...content, scopeLevel: enumOf(MatterScopeLevel), scopeId: id }).strict();
export type TCreateMatterRequest = z.input<typeof ZCreateMatterRequest>;

/** Editing, only in 制定方案: the fields given replace the draft's. */
export const ZEditMatterRequest = z
  .object({ matterId: id, title: content.title.optional(), text: content.text.optional(), options: options.optional() })
  .strict();
export type TEditMatterRequest = z.input<typeof ZEditMatterRequest>;

export const ZPublishMatterRequest = z
  .object({ matterId: id, ...windowShape })
  .strict()
  .refine(windowOrdered, windowIssue);
export type TPublishMatterRequest = z.input<typeof ZPublishMatterRequest>;

/** A new version of a published matter: new content, a new window, and why. */
export const ZReviseMatterRequest = z
  .object({ matterId: id, ...content, ...windowShape, reason: text(L.reasonMax, '修改原因') })
  .strict()
  .refine(windowOrdered, windowIssue);
export type TReviseMatterRequest = z.input<typeof ZReviseMatterRequest>;

export const ZWithdrawMatterRequest = z.object({ matterId: id, reason: text(L.reasonMax, '撤回原因') }).strict();
export type TWithdrawMatterRequest = z.input<typeof ZWithdrawMatterRequest>;

const optionIndex = z.number({ error: '请选择一个选项' }).int('请选择一个选项').min(0, '请选择一个选项').max(L.optionsMax - 1, '请选择一个选项');

/** A verified member casts (or changes) the household's ballot online. */
export const ZCastBallotRequest = z.object({ matterId: id, householdId: id, optionIndex }).strict();
export type TCastBallotRequest = z.infer<typeof ZCastBallotRequest>;

/** Staff or a head enters a paper ballot for a household; replacing an existing ballot needs `replace: true`. */
export const ZEnterBallotRequest = z
  .object({
    matterId: id,
    householdId: id,
    optionIndex,
    channel: z.enum([BallotChannel.meeting, BallotChannel.proxy], { error: '请选择会议表决或委托代投' }),
    replace: z.boolean().optional(),
  })
  .strict();
export type TEnterBallotRequest = z.infer<typeof ZEnterBallotRequest>;

export const ZMyBallotRequest = z.object({ matterId: id, householdId: id }).strict();
export type TMyBallotRequest = z.infer<typeof ZMyBallotRequest>;

export const ZWriteOutcomeRequest = z.object({ matterId: id, outcome: text(L.outcomeMax, '结果运用说明') }).strict();
export type TWriteOutcomeRequest = z.input<typeof ZWriteOutcomeRequest>;

const percent = (label: string) => z.number({ error: `请填写${label}` }).int(`${label}须为整数`).min(1, `${label}至少1%`).max(100, `${label}最多100%`);

export const ZDeliberationSettings = z
  .object({
    quorumPercent: percent('参与率'),
    approvalPercent: z.number({ error: '请填写通过线' }).int('通过线须为整数').min(0, '通过线至少0%').max(99, '通过线最多99%'),
    noticeDays: z.number({ error: '请填写公告天数' }).int('公告天数须为整数').min(0, '公告天数不能为负').max(30, '公告天数最多30天'),
    proposeFollowers: z.number({ error: '请填写关注户数' }).int('关注户数须为整数').min(2, '关注户数至少2户').max(1000, '关注户数最多1000户'),
  })
  .strict();

/** 城市配置 › 五步议事: quorum, approval line, notice days, and when a followed need becomes a proposed matter. */
export const DELIBERATION_SETTINGS = defineSettings({
  key: 'deliberation',
  label: '五步议事',
  schema: ZDeliberationSettings,
  defaults: DELIBERATION_SETTINGS_DEFAULTS,
  fields: [
    { key: 'quorumPercent', label: '参与率', kind: 'integer', unit: '%', hint: '投票的户数达到有权投票户数的这个比例，表决才有效。' },
    { key: 'approvalPercent', label: '通过线', kind: 'integer', unit: '%', hint: '同意的票数超过投票数的这个比例，议题才通过。' },
    { key: 'noticeDays', label: '公告天数', kind: 'integer', unit: '天', hint: '议题公告后至少过这么多天才能开始投票。' },
    { key: 'proposeFollowers', label: '转为议题的关注户数', kind: 'integer', unit: '户', hint: '一条需求有这么多户认证居民关注时，提交社区作为议题草稿。' },
  ],
});
