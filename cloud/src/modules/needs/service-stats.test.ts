import { combineServiceCounts } from './service-stats';

describe('service counts → service stats', () => {
  it('adds compounds up before dividing (rates are not averaged per compound)', () => {
    const stats = combineServiceCounts([
      { orgId: 1, compoundId: 1, volume: 10, solved: 8, onTime: 6, reopened: 1, ratedSum: 20, ratedCount: 5 },
      { orgId: 1, compoundId: 2, volume: 2, solved: 2, onTime: 2, reopened: 1, ratedSum: 3, ratedCount: 1 },
    ]);
    expect(stats).toEqual({ volume: 12, solved: 10, slaHitRate: 8 / 10, reopenRate: 2 / 12, averageRating: 23 / 6 });
  });
  it('no needs: no rates, no rating', () => {
    expect(combineServiceCounts([])).toEqual({ volume: 0, solved: 0, slaHitRate: 0, reopenRate: 0, averageRating: null });
  });
});
