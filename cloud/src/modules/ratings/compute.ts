import type { EntityManager } from 'typeorm';
import {
  addDays,
  composite as weighted,
  localTime,
  needsServiceScore,
  RATING_RULES,
  shrink,
  starsOf,
  type CompoundType,
  type Criterion,
  type Weights,
} from '@hg/types';
import { compoundsWhere, organisationsWhere } from '../community/public';
import { combineServiceCounts, serviceCountsByCompound, type ServiceStats } from '../needs/public';
import { AssessorScore, HouseholdRating, type RatingPeriod } from './entities';

/** Satisfaction assumed for the city when nobody rated yet (the prior's centre). */
const NEUTRAL = 60;

export interface ComputedResult {
  firmId: number;
  compoundType: CompoundType;
  sample: number;
  stars: number | null;
  composite: number | null;
  criteria: Record<Criterion, number | null>;
  satisfactionRaw: number | null;
  needs: ServiceStats;
}

/** The period's instants: from its first local day to the end of its last (Beijing time). */
export const periodRange = (p: Pick<RatingPeriod, 'startsOn' | 'endsOn'>) => ({
  from: localTime(p.startsOn, '00:00'),
  to: localTime(addDays(p.endsOn, 1), '00:00'),
});

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The composite of every property firm for every compound type it serves, in one period: 群众满意度
 * from household ratings shrunk toward the city mean (Bayesian, RATING_RULES.priorWeight), the
 * assessed criteria from assessor scores, 服务质量 blended with the needs service data; criteria
 * without data drop out and the weights of the rest are renormalised; no stars below the minimum
 * sample. Pure reads: the close action stores the result, the preview shows it.
 */
export async function computeResults(em: EntityManager, period: RatingPeriod): Promise<ComputedResult[]> {
  const weights = JSON.parse(period.weights) as Record<CompoundType, Weights>;
  const { from, to } = periodRange(period);
  const firms = await organisationsWhere(em, { kind: 'property_firm' });
  const compounds = await compoundsWhere(em);

  const rated: { firmId: number | string; compoundType: CompoundType; n: number | string; mean: number | string }[] = await em
    .createQueryBuilder(HouseholdRating, 'r')
    .select('r.firmId', 'firmId')
    .addSelect('r.compoundType', 'compoundType')
    .addSelect('COUNT(*)', 'n')
    .addSelect('AVG(r.satisfaction)', 'mean')
    .where('r.periodId = :periodId', { periodId: period.id })
    .groupBy('r.firmId')
    .addGroupBy('r.compoundType')
    .getRawMany();
  // The city's mean from the grouped rows (one scan of the period's ratings, not two).
  const ratedTotal = rated.reduce((a, r) => a + Number(r.n), 0);
  const cityMean = ratedTotal ? rated.reduce((a, r) => a + Number(r.n) * Number(r.mean), 0) / ratedTotal : NEUTRAL;
  const assessed: { firmId: number | string; organisation: string | number; team: string | number; service: string | number }[] = await em
    .createQueryBuilder(AssessorScore, 'a')
    .select('a.firmId', 'firmId')
    .addSelect('AVG(a.organisation)', 'organisation')
    .addSelect('AVG(a.team)', 'team')
    .addSelect('AVG(a.service)', 'service')
    .where('a.periodId = :periodId', { periodId: period.id })
    .groupBy('a.firmId')
    .getRawMany();

  // One grouped query for every firm's needs in the period (not one per firm and type).
  const counts = await serviceCountsByCompound(em, from, to);
  const out: ComputedResult[] = [];
  for (const firm of firms) {
    const served = compounds.filter((c) => c.propertyOrgId === firm.id);
    const types = [...new Set(served.map((c) => c.type))].sort();
    const a = assessed.find((x) => Number(x.firmId) === firm.id);
    for (const type of types) {
      const r = rated.find((x) => Number(x.firmId) === firm.id && x.compoundType === type);
      const n = r ? Number(r.n) : 0;
      const mean = r ? Number(r.mean) : null;
      const ofType = new Set(served.filter((c) => c.type === type).map((c) => c.id));
      const needs = combineServiceCounts(counts.filter((c) => c.orgId === firm.id && ofType.has(c.compoundId)));
      const needsScore = needsServiceScore(needs);
      const assessedService = a ? Number(a.service) : null;
      const share = RATING_RULES.needsShareOfService;
      const service = assessedService !== null && needsScore !== null ? share * needsScore + (1 - share) * assessedService : (assessedService ?? needsScore);
      const criteria: Record<Criterion, number | null> = {
        organisation: a ? Number(a.organisation) : null,
        team: a ? Number(a.team) : null,
        service,
        satisfaction: mean === null ? null : shrink(mean, n, cityMean),
      };
      const present = (Object.keys(criteria) as Criterion[]).filter((c) => criteria[c] !== null);
      const w = Object.fromEntries(present.map((c) => [c, weights[type][c]])) as Weights;
      const total = present.length ? weighted(criteria as Record<Criterion, number>, w) : null;
      out.push({
        firmId: firm.id,
        compoundType: type,
        sample: n,
        stars: total !== null && n >= RATING_RULES.minSample ? starsOf(total) : null,
        composite: total === null ? null : round1(total),
        criteria: Object.fromEntries((Object.keys(criteria) as Criterion[]).map((c) => [c, criteria[c] === null ? null : round1(criteria[c]!)])) as Record<
          Criterion,
          number | null
        >,
        satisfactionRaw: mean === null ? null : round1(mean),
        needs,
      });
    }
  }
  return out;
}
