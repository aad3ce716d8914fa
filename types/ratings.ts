/**
 * Star ratings of property firms (星级物业). Four criteria (BRIEF §1): 组织建设, 队伍建设, 服务质量,
 * 群众满意度, weighted per compound type (商住 / 老旧 / 还房). Households rate 群众满意度 on
 * sub-dimensions; assessors score the first three 0–100; needs data feeds 服务质量.
 */
import type { CompoundType } from './enums';

export const Criterion = {
  organisation: 'organisation', // 组织建设
  team: 'team', // 队伍建设
  service: 'service', // 服务质量
  satisfaction: 'satisfaction', // 群众满意度
} as const;
export type Criterion = (typeof Criterion)[keyof typeof Criterion];
export const CRITERION_LABEL: Record<Criterion, string> = { organisation: '组织建设', team: '队伍建设', service: '服务质量', satisfaction: '群众满意度' };
/** The criteria assessors score (群众满意度 comes from households). */
export const ASSESSED_CRITERIA: Criterion[] = ['organisation', 'team', 'service'];

/** What a household rates, 1–5 stars each; their mean × 20 is the household's 0–100 satisfaction. */
export const RATING_DIMENSIONS = ['environment', 'security', 'repairs', 'attitude'] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];
export const DIMENSION_LABEL: Record<RatingDimension, string> = { environment: '环境卫生', security: '安全秩序', repairs: '维修响应', attitude: '服务态度' };

/**
 * scheduled (prepared ahead; opens by itself on its first day, Beijing time; editable or cancelled
 * until then) → open (households and assessors rate) → closed (results computed; only the admin
 * reviews them and the comments) → publicity (公示: public, marked 公示中 until `publicityEndsOn`; the
 * firm may object) → published (final, 定稿: every objection answered). Periods published before 公示
 * existed are final. A cancelled period leaves only its history (the subject log); its code is free again.
 */
export const PeriodStatus = {
  scheduled: 'scheduled',
  open: 'open',
  closed: 'closed',
  publicity: 'publicity',
  published: 'published',
  cancelled: 'cancelled',
} as const;
export type PeriodStatus = (typeof PeriodStatus)[keyof typeof PeriodStatus];
export const PERIOD_STATUS_LABEL: Record<PeriodStatus, string> = {
  scheduled: '待开始',
  open: '评价中',
  closed: '已截止，审核中',
  publicity: '公示中',
  published: '已定稿公布',
  cancelled: '已取消',
};
/** Periods holding days of the calendar (to come or running): another period may not overlap them. */
export const LIVE_PERIOD_STATUSES: readonly PeriodStatus[] = ['scheduled', 'open'];
/** Periods whose results the public reads (公示中 or final). */
export const VISIBLE_PERIOD_STATUSES: readonly PeriodStatus[] = ['publicity', 'published'];

/** A firm's objection (申诉) to a result during 公示: pending until the admin upholds (→ a correction) or rejects it. */
export const ObjectionStatus = { pending: 'pending', upheld: 'upheld', rejected: 'rejected' } as const;
export type ObjectionStatus = (typeof ObjectionStatus)[keyof typeof ObjectionStatus];
export const OBJECTION_STATUS_LABEL: Record<ObjectionStatus, string> = { pending: '待答复', upheld: '已采纳，结果已更正', rejected: '未采纳' };

/** 公示期: its default and allowed length in days, and the lengths of an objection's texts. */
export const REVIEW_RULES = {
  publicityDays: 7,
  publicityDaysMin: 1,
  publicityDaysMax: 30,
  objectionMax: 500,
  answerMax: 300,
  reasonMax: 200,
} as const;

/** Weights (percent, summing to 100) per criterion. */
export type Weights = Record<Criterion, number>;

/** The defaults, per compound type: old compounds weigh residents' satisfaction more. */
export const DEFAULT_WEIGHTS: Record<CompoundType, Weights> = {
  commercial: { organisation: 20, team: 20, service: 30, satisfaction: 30 },
  old: { organisation: 15, team: 15, service: 30, satisfaction: 40 },
  resettlement: { organisation: 20, team: 15, service: 30, satisfaction: 35 },
};

export const RATING_RULES = {
  /** Households needed before stars are shown (样本不足 below). */
  minSample: 5,
  /** Bayesian prior weight m: satisfaction = (n·mean + m·cityMean) / (n + m). */
  priorWeight: 10,
  /** Reports that hide a comment until a moderator decides. */
  reportsToHide: 3,
  commentMax: 200,
  replyMax: 500,
  noteMax: 300,
  /** Within 服务质量, the share taken from needs data (the rest: assessors). */
  needsShareOfService: 0.5,
} as const;

/** Bayesian average: few ratings pull toward the city mean; many speak for themselves. */
export function shrink(mean: number, n: number, cityMean: number, m: number = RATING_RULES.priorWeight): number {
  if (n <= 0) return cityMean;
  return (n * mean + m * cityMean) / (n + m);
}

/** A 0–100 composite → 1–5 stars in halves (0 → 1 star: every firm on the board has at least one). */
export function starsOf(composite: number): number {
  const raw = Math.round((composite / 20) * 2) / 2;
  return Math.min(5, Math.max(1, raw));
}

/** Weighted composite of criterion scores (0–100) with weights in percent. */
export function composite(scores: Record<Criterion, number>, weights: Weights): number {
  let sum = 0;
  let total = 0;
  for (const c of Object.keys(weights) as Criterion[]) {
    sum += scores[c] * weights[c];
    total += weights[c];
  }
  return total ? sum / total : 0;
}

/**
 * Needs data → a 0–100 service score: resolve-SLA hit rate, penalised by reopens, plus ratings.
 * No solved need yet is no evidence (a need filed yesterday is not a miss): null.
 */
export function needsServiceScore(s: { volume: number; solved: number; slaHitRate: number; reopenRate: number; averageRating: number | null }): number | null {
  if (s.volume === 0 || s.solved === 0) return null;
  const rating = s.averageRating === null ? s.slaHitRate * 100 : (s.averageRating / 5) * 100;
  return Math.max(0, Math.min(100, 0.5 * s.slaHitRate * 100 + 0.5 * rating - 20 * s.reopenRate));
}

/** The facts behind one result that the 评分说明 sentences quote. */
export interface CompositeFacts {
  /** Households that rated. */
  sample: number;
  /** Assessors who scored the firm. */
  assessors: number;
  needs: { volume: number; solved: number; slaHitRate: number; reopenRate: number; averageRating: number | null };
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * One sentence per criterion on where its data come from (assessors, the needs service data,
 * households), with the period's numbers: the firm card's 评分说明. The same rules as compute.ts.
 */
export function criterionSource(c: Criterion, f: CompositeFacts): string {
  const k = f.assessors;
  if (c === 'organisation' || c === 'team')
    return k ? `由${k}位考评员按${CRITERION_LABEL[c]}标准打分（0–100分），取平均分。` : `本期没有考评员打分，这一项不计入综合分。`;
  if (c === 'service') {
    const hasNeeds = needsServiceScore(f.needs) !== null;
    const avg = f.needs.averageRating === null ? '' : `，居民评单平均${Math.round(f.needs.averageRating * 10) / 10}星`;
    const needs = `本期经手${f.needs.volume}件需求，办结${f.needs.solved}件，按时办结${percent(f.needs.slaHitRate)}，返工${percent(f.needs.reopenRate)}${avg}`;
    const share = percent(RATING_RULES.needsShareOfService);
    if (k && hasNeeds) return `${percent(1 - RATING_RULES.needsShareOfService)}来自${k}位考评员的打分，${share}来自需求服务数据（${needs}）。`;
    if (k) return `来自${k}位考评员的打分；本期没有办结的需求，需求服务数据不计入。`;
    if (hasNeeds) return `来自需求服务数据（${needs}）；本期没有考评员打分。`;
    return '本期没有考评员打分，也没有办结的需求，这一项不计入综合分。';
  }
  if (!f.sample) return '本期没有居民评价，这一项不计入综合分。';
  const base = `来自${f.sample}户居民的评价（环境卫生、安全秩序、维修响应、服务态度各1–5星，平均后×20），户数少时向全市平均靠拢（相当于另加${RATING_RULES.priorWeight}户全市平均水平的评价）。`;
  return f.sample < RATING_RULES.minSample ? `${base}满${RATING_RULES.minSample}户评价才公布这一项和星级。` : base;
}

/** How the composite and the stars are rounded (starsOf, compute.ts), in one sentence. */
export const ROUNDING_RULE =
  `各项得分保留一位小数；综合分是各项得分按权重的加权平均（没有数据的项不计，其余项的权重按比例放大），四舍五入取整；` +
  `星级 = 综合分 ÷ 20，四舍五入到半颗星，最少1星、最多5星；满${RATING_RULES.minSample}户评价才评星。`;

/** Why a comment was reported (举报理由); moderators see the reasons with their counts. */
export const ReportReason = { untrue: 'untrue', abusive: 'abusive', privacy: 'privacy', other: 'other' } as const;
export type ReportReason = (typeof ReportReason)[keyof typeof ReportReason];
export const REPORT_REASON_LABEL: Record<ReportReason, string> = { untrue: '内容不实', abusive: '辱骂攻击', privacy: '泄露隐私', other: '其他' };
