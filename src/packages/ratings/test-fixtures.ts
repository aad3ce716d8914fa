import type { CompositeBreakdownDTO, FirmCardDTO, FirmResultDTO, LeaderboardDTO, MyRatingDTO, PeriodDTO } from '@hg/types';
import { DEFAULT_WEIGHTS, ROUNDING_RULE } from '@hg/types/ratings';

/** Builders for the ratings page tests: plausible DTOs with overrides. */

export function period(id: number, overrides: Partial<PeriodDTO> = {}): PeriodDTO {
  return { id, code: '2026-Q3', startsOn: '2026-07-01', endsOn: '2026-09-30', status: 'open', statusLabel: '评价中', publicityEndsOn: null, weights: DEFAULT_WEIGHTS, ...overrides };
}

export function myRating(overrides: Partial<MyRatingDTO> = {}): MyRatingDTO {
  return { period: period(3), firm: { id: 9, name: '嘉陵物业' }, rating: null, blockedReason: null, previous: null, ...overrides };
}

type Rated = NonNullable<MyRatingDTO['rating']>;
/** The household's rating as its author reads it, first given on 8月1日 and not changed since. */
export function rated(overrides: Partial<Rated> = {}): Rated {
  return {
    id: 5,
    scores: { environment: 4, security: 5, repairs: 3, attitude: 4 },
    comment: '',
    commentByOther: false,
    byMe: true,
    ratedAt: '2026-08-01T02:00:00.000Z',
    updatedAt: '2026-08-01T02:00:00.000Z',
    changes: 0,
    voiceNote: null,
    ...overrides,
  };
}

/** 评分说明 of an old compound's result: 15/15/30/40, one criterion per source. */
export function breakdown(overrides: Partial<CompositeBreakdownDTO> = {}): CompositeBreakdownDTO {
  return {
    criteria: [
      { criterion: 'organisation', label: '组织建设', weight: 15, appliedWeight: 15, score: 85, source: '由2位考评员按组织建设标准打分（0–100分），取平均分。' },
      { criterion: 'team', label: '队伍建设', weight: 15, appliedWeight: 15, score: 78, source: '由2位考评员按队伍建设标准打分（0–100分），取平均分。' },
      { criterion: 'service', label: '服务质量', weight: 30, appliedWeight: 30, score: 80, source: '50%来自2位考评员的打分，50%来自需求服务数据（本期经手20件需求）。' },
      { criterion: 'satisfaction', label: '群众满意度', weight: 40, appliedWeight: 40, score: 82, source: '来自36户居民的评价。' },
    ],
    sample: 36,
    minSample: 5,
    assessors: 2,
    rounding: ROUNDING_RULE,
    ...overrides,
  };
}

export function result(overrides: Partial<FirmResultDTO> = {}): FirmResultDTO {
  return {
    periodId: 2,
    periodCode: '2026-Q2',
    compoundType: 'old',
    sample: 36,
    stars: 4,
    composite: 81,
    criteria: { organisation: 85, team: 78, service: 80, satisfaction: 82 },
    satisfactionRaw: 84,
    needs: { volume: 20, solved: 20, slaHitRate: 0.9, reopenRate: 0.05, averageRating: 4.4 },
    breakdown: breakdown(),
    ...overrides,
  };
}

export function firmCard(overrides: Partial<FirmCardDTO> = {}): FirmCardDTO {
  return {
    firm: { id: 9, name: '嘉陵物业', hotline: '0817-6200000' },
    results: [result()],
    history: [result(), result({ periodId: 1, periodCode: '2026-Q1', stars: 3.5, composite: 72 })],
    reply: { periodCode: '2026-Q2', body: '感谢大家的意见，下月起每周二集中维修。', updatedAt: '2026-07-05T02:00:00.000Z' },
    preview: null,
    comments: [
      { ratingId: 101, body: '保安很负责', scores: { environment: 4, security: 5, repairs: 4, attitude: 5 }, at: '2026-06-20T02:00:00.000Z', canMask: false, reply: null, voiceNote: null, voiceHidden: false },
      {
        ratingId: 102,
        body: '电梯修得太慢',
        scores: { environment: 3, security: 4, repairs: 2, attitude: 3 },
        at: '2026-06-21T02:00:00.000Z',
        canMask: false,
        reply: { body: '已更换电梯控制板，报修两天内上门。', repliedAt: '2026-07-06T02:00:00.000Z', updatedAt: '2026-07-06T02:00:00.000Z' },
        voiceNote: null,
        voiceHidden: false,
      },
    ],
    evidence: null,
    ...overrides,
  };
}

type Row = LeaderboardDTO['rows'][number];
export function row(firmId: number, name: string, overrides: Partial<Row> = {}): Row {
  return { rank: 1, firm: { id: firmId, name }, compoundType: 'commercial', stars: 4, composite: 80, sample: 20, ...overrides };
}
