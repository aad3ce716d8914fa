import { formatLocalTime } from './local-time';

describe('formatLocalTime (Beijing time whatever the zone)', () => {
  const now = new Date('2026-11-28T00:00:00.000Z');

  it('shows this year as 11月28日 14:05', () => {
    expect(formatLocalTime('2026-11-28T06:05:00.000Z', now)).toBe('11月28日 14:05');
  });

  it('rolls over to the next local day after 16:00 UTC', () => {
    expect(formatLocalTime(new Date('2026-03-01T16:30:00.000Z'), now)).toBe('3月2日 00:30');
  });

  it('names the year when it is not the current local year', () => {
    expect(formatLocalTime('2025-12-31T16:00:00.000Z', now)).toBe('1月1日 00:00');
    expect(formatLocalTime('2025-12-31T15:59:00.000Z', now)).toBe('2025年12月31日 23:59');
  });

  it('is empty for nothing or an unreadable date', () => {
    expect(formatLocalTime(null)).toBe('');
    expect(formatLocalTime('soon')).toBe('');
  });
});
