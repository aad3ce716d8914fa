import { bookingWindow } from './format';

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
