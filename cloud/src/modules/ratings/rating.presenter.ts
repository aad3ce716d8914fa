import {
  DEFAULT_WEIGHTS,
  PERIOD_STATUS_LABEL,
  RATING_RULES,
  type CompoundType,
  type Criterion,
  type FirmResultDTO,
  type PeriodDTO,
  type RatingDimension,
  type Weights,
} from '@hg/types';
import type { ServiceStats } from '../needs/public';
import type { ComputedResult } from './compute';
import type { FirmResult, HouseholdRating, RatingPeriod } from './entities';

export function presentPeriod(p: RatingPeriod): PeriodDTO {
  return {
    id: p.id,
    code: p.code,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    status: p.status,
    statusLabel: PERIOD_STATUS_LABEL[p.status],
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
  return { ...dto, stars: null, composite: null, satisfactionRaw: null, criteria: { ...dto.criteria, satisfaction: null } };
}

export function presentStored(r: FirmResult, period: Pick<RatingPeriod, 'code'>): FirmResultDTO {
  return withheldBelowMinimum({
    periodId: r.periodId,
    periodCode: period.code,
    compoundType: r.compoundType,
    sample: r.sample,
    stars: r.starsX2 === null ? null : r.starsX2 / 2,
    composite: r.composite,
    criteria: JSON.parse(r.criteria) as Record<Criterion, number | null>,
    satisfactionRaw: r.satisfactionRaw,
    needs: JSON.parse(r.needs) as ServiceStats,
  });
}

export function presentComputed(r: ComputedResult, period: RatingPeriod): FirmResultDTO {
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
  });
}

export const scoresOf = (r: Pick<HouseholdRating, 'scores'>) => JSON.parse(r.scores) as Record<RatingDimension, number>;
