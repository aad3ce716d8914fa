import {
  CRITERION_LABEL,
  Criterion,
  criterionSource,
  DEFAULT_WEIGHTS,
  PERIOD_STATUS_LABEL,
  RATING_RULES,
  ROUNDING_RULE,
  type CompositeBreakdownDTO,
  type CompositeFacts,
  type CompoundType,
  type FirmResultDTO,
  type MyRatingDTO,
  type PeriodDTO,
  type RatingDimension,
  type Weights,
} from '@hg/types';
import type { ServiceStats } from '../needs/public';
import type { ComputedResult } from './compute';
import type { EntityManager } from 'typeorm';
import { presentVoiceNote } from '../../core/voice-notes';
import { RatingChange, type FirmResult, type HouseholdRating, type RatingPeriod } from './entities';
import { RatingVoiceNote } from './rating-voice.entity';

export function presentPeriod(p: RatingPeriod): PeriodDTO {
  return {
    id: p.id,
    code: p.code,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    status: p.status,
    // 公示中 always comes with its last day, wherever the period is named (board, manage, card).
    statusLabel: p.status === 'publicity' && p.publicityEndsOn ? `${PERIOD_STATUS_LABEL.publicity}，${p.publicityEndsOn}止` : PERIOD_STATUS_LABEL[p.status],
    publicityEndsOn: p.publicityEndsOn ?? null,
    weights: { ...DEFAULT_WEIGHTS, ...(JSON.parse(p.weights) as Record<CompoundType, Weights>) },
  };
}

/**
 * Below the minimum sample, every figure made of households' scores is withheld, from everyone:
 * with one rating, the raw satisfaction is that household's own score, and the shrunk one and the
 * composite give it back to anyone who knows the city mean and the weights. The sample, the
 * assessors' criteria and the needs data stay.
 */
function withheldBelowMinimum(dto: FirmResultDTO): FirmResultDTO {
  if (dto.sample >= RATING_RULES.minSample) return dto;
  return {
    ...dto,
    stars: null,
    composite: null,
    satisfactionRaw: null,
    criteria: { ...dto.criteria, satisfaction: null },
    breakdown: { ...dto.breakdown, criteria: dto.breakdown.criteria.map((c) => (c.criterion === 'satisfaction' ? { ...c, score: null } : c)) },
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * 评分说明: each criterion with the period's frozen weight for this compound type, the weight it
 * carried (criteria without data drop out and the rest are renormalised, as compute.ts does), its
 * score and where its data come from; the sample against the minimum and the rounding rule.
 */
function breakdownOf(criteria: Record<Criterion, number | null>, weights: Weights, facts: CompositeFacts): CompositeBreakdownDTO {
  const all = Object.values(Criterion);
  const withData = all.filter((c) => criteria[c] !== null);
  const total = withData.reduce((a, c) => a + weights[c], 0);
  return {
    criteria: all.map((c) => ({
      criterion: c,
      label: CRITERION_LABEL[c],
      weight: weights[c],
      appliedWeight: criteria[c] !== null && total ? round1((weights[c] / total) * 100) : 0,
      score: criteria[c],
      source: criterionSource(c, facts),
    })),
    sample: facts.sample,
    minSample: RATING_RULES.minSample,
    assessors: facts.assessors,
    rounding: ROUNDING_RULE,
  };
}

/** The weights a period froze for a compound type (the defaults for a type it did not list). */
export const weightsOf = (period: Pick<RatingPeriod, 'weights'>, type: CompoundType): Weights =>
  ({ ...DEFAULT_WEIGHTS, ...(JSON.parse(period.weights) as Record<CompoundType, Weights>) })[type];

/** A stored result; `assessors`: how many assessors scored the firm in that period. */
export function presentStored(
  r: FirmResult,
  period: Pick<RatingPeriod, 'code' | 'weights'> & Partial<Pick<RatingPeriod, 'status' | 'publicityEndsOn'>>,
  assessors: number,
): FirmResultDTO {
  const criteria = JSON.parse(r.criteria) as Record<Criterion, number | null>;
  const needs = JSON.parse(r.needs) as ServiceStats;
  return withheldBelowMinimum({
    periodId: r.periodId,
    periodCode: period.code,
    compoundType: r.compoundType,
    sample: r.sample,
    stars: r.starsX2 === null ? null : r.starsX2 / 2,
    composite: r.composite,
    criteria,
    satisfactionRaw: r.satisfactionRaw,
    needs,
    breakdown: breakdownOf(criteria, weightsOf(period, r.compoundType), { sample: r.sample, assessors, needs }),
    resultId: r.id,
    version: r.version ?? 1,
    correctedAt: r.correctedAt ? r.correctedAt.toISOString() : null,
    ...(period.status ? { periodStatus: period.status, publicityEndsOn: period.publicityEndsOn ?? null } : {}),
  });
}

export function presentComputed(r: ComputedResult, period: RatingPeriod, assessors: number): FirmResultDTO {
  return withheldBelowMinimum({
    periodId: period.id,
    periodCode: period.code,
    compoundType: r.compoundType,
    sample: r.sample,
    stars: r.stars,
    composite: r.composite === null ? null : Math.round(r.composite),
    criteria: r.criteria,
    satisfactionRaw: r.satisfactionRaw,
    needs: r.needs,
    breakdown: breakdownOf(r.criteria, weightsOf(period, r.compoundType), { sample: r.sample, assessors, needs: r.needs }),
  });
}

/**
 * The household's rating as one of its members reads it: the scores are the household's (any
 * verified member may change them; the last to submit is the author); the comment as written only
 * for its author — another member learns that there is one, never its text, and the same for the
 * voice note (the author hears it and may correct its transcript); `changes` counts the
 * submissions after the first.
 */
export async function presentMyRating(em: EntityManager, row: HouseholdRating, viewerId: number): Promise<NonNullable<MyRatingDTO['rating']>> {
  const byMe = row.userId === viewerId;
  const [submissions, voice] = await Promise.all([em.count(RatingChange, { where: { ratingId: row.id } }), em.findOne(RatingVoiceNote, { where: { ratingId: row.id } })]);
  return {
    id: row.id,
    scores: scoresOf(row),
    comment: byMe ? row.comment : '',
    commentByOther: !byMe && (row.comment !== '' || !!voice),
    byMe,
    ratedAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    changes: Math.max(0, submissions - 1),
    // The voice note is the author's, like the comment as written: another member never hears it.
    voiceNote: byMe && voice ? presentVoiceNote(voice, true) : null,
  };
}

export const scoresOf = (r: Pick<HouseholdRating, 'scores'>) => JSON.parse(r.scores) as Record<RatingDimension, number>;
