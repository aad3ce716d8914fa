import { composite, needsServiceScore, shrink, starsOf, DEFAULT_WEIGHTS } from './ratings';

describe('rating arithmetic (hand-computed)', () => {
  it.each([
    // mean, n, city mean, m → shrunk
    [100, 5, 580 / 7, 10, (500 + 10 * (580 / 7)) / 15],
    [40, 2, 580 / 7, 10, (80 + 10 * (580 / 7)) / 12],
    [70, 0, 60, 10, 60],
    [90, 1000, 60, 10, (90000 + 600) / 1010],
  ])('shrink(%p, n=%p, city %p, m=%p)', (mean, n, city, m, expected) => {
    expect(shrink(mean, n, city, m)).toBeCloseTo(expected, 6);
  });

  it('few ratings stay near the city mean, many speak for themselves', () => {
    expect(shrink(100, 1, 60)).toBeCloseTo(63.64, 2);
    expect(shrink(100, 200, 60)).toBeCloseTo(98.1, 1);
  });

  it.each([
    [83.571, 4],
    [87, 4.5],
    [95, 5],
    [100, 5],
    [50, 2.5],
    [0, 1],
    [14, 1],
  ])('composite %p → %p stars', (c, stars) => {
    expect(starsOf(c)).toBe(stars);
  });

  it('weights per compound type: the same scores weigh differently in an old compound', () => {
    const scores = { organisation: 80, team: 70, service: 90, satisfaction: 60 };
    expect(composite(scores, DEFAULT_WEIGHTS.commercial)).toBeCloseTo((80 * 20 + 70 * 20 + 90 * 30 + 60 * 30) / 100, 6);
    expect(composite(scores, DEFAULT_WEIGHTS.old)).toBeCloseTo((80 * 15 + 70 * 15 + 90 * 30 + 60 * 40) / 100, 6);
    for (const w of Object.values(DEFAULT_WEIGHTS)) expect(Object.values(w).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('needs data becomes a service score only when there were needs', () => {
    expect(needsServiceScore({ volume: 0, solved: 0, slaHitRate: 0, reopenRate: 0, averageRating: null })).toBeNull();
    expect(needsServiceScore({ volume: 3, solved: 0, slaHitRate: 0, reopenRate: 0, averageRating: null })).toBeNull();
    expect(needsServiceScore({ volume: 10, solved: 8, slaHitRate: 0.8, reopenRate: 0.1, averageRating: 4.5 })).toBeCloseTo(0.5 * 80 + 0.5 * 90 - 2, 6);
  });
});
