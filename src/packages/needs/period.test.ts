import { periodRange } from './period';

describe('periodRange counts months in Beijing time, whatever the device says', () => {
  // 00:30 on 1 March in Beijing; still 28 February in New York.
  const now = new Date('2026-02-28T16:30:00.000Z');

  it('starts this month at Beijing midnight of the 1st', () => {
    expect(periodRange('thisMonth', now)).toEqual({ from: '2026-02-28T16:00:00.000Z', to: now.toISOString() });
  });

  it('takes last month from its Beijing 1st to this month’s', () => {
    expect(periodRange('lastMonth', now)).toEqual({ from: '2026-01-31T16:00:00.000Z', to: '2026-02-28T16:00:00.000Z' });
    expect(periodRange('lastMonth', new Date('2026-01-10T00:00:00.000Z')).from).toBe('2025-11-30T16:00:00.000Z');
  });

  it('takes the last 90 days as instants', () => {
    expect(periodRange('last90', now)).toEqual({ from: '2025-11-30T16:30:00.000Z', to: now.toISOString() });
  });
});
