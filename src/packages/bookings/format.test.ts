import { bookingWindow, dayLabel, dayTime, slotName } from './format';

describe('bookingWindow', () => {
  const cutoffAt = '2030-03-05T01:30:00.000Z';
  const opensAt = '2030-03-01T00:00:00+08:00';
  const at = (iso: string) => Date.parse(iso);

  it('is not yet open before opensAt, whatever the server said', () => {
    expect(bookingWindow({ open: false, opensAt, cutoffAt }, at('2030-02-28T23:59:00+08:00'))).toBe('opens');
  });

  it('opens at opensAt even on a week loaded before it (the server re-checks at booking)', () => {
    expect(bookingWindow({ open: false, opensAt, cutoffAt }, at('2030-03-01T00:00:00+08:00'))).toBe('open');
  });

  it('closes at the cut-off, and follows the server when there is no opening time', () => {
    expect(bookingWindow({ open: false, opensAt, cutoffAt }, at(cutoffAt))).toBe('closed');
    expect(bookingWindow({ open: false, opensAt: null, cutoffAt }, at('2030-03-01T00:00:00+08:00'))).toBe('closed');
    expect(bookingWindow({ open: true, opensAt: null, cutoffAt }, at('2030-03-01T00:00:00+08:00'))).toBe('open');
  });
});

describe('days and clocks in Beijing time, whatever the device says', () => {
  // 00:30 on Monday 2 March in Beijing; still Sunday 1 March in New York.
  const now = new Date('2026-03-01T16:30:00.000Z');

  it('names today and tomorrow by the Beijing day', () => {
    expect(dayLabel('2026-03-02', now)).toBe('今天 · 3月2日 周一');
    expect(dayLabel('2026-03-03', now)).toBe('明天 · 3月3日 周二');
    expect(dayLabel('2026-03-01', now)).toBe('3月1日 周日');
  });

  it('shows an instant as Beijing wall time', () => {
    expect(dayTime('2026-03-01T16:30:00.000Z')).toBe('3月2日 00:30');
    expect(dayTime(null)).toBe('');
    expect(slotName({ sitting: 'lunch', title: '', kindLabel: '助餐', startsAt: '2026-03-02T03:30:00.000Z', endsAt: '2026-03-02T05:00:00.000Z' })).toBe(
      '午餐 11:30–13:00',
    );
  });
});
