import { isCalendarDay, isoDay, isoTime } from './primitives';

describe('the one day validator', () => {
  it.each(['2027-02-30', '2027-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-11-00', '2100-02-29'])('refuses the day %s, which does not exist', (s) => {
    expect(isCalendarDay(s)).toBe(false);
    expect(isoDay.safeParse(s).success).toBe(false);
    expect(isoTime.safeParse(`${s}T08:00:00+08:00`).success).toBe(false);
  });
  it.each(['2028-02-29', '2000-02-29', '2026-12-31', '2027-01-01', '2026-04-30'])('accepts the day %s', (s) => {
    expect(isCalendarDay(s)).toBe(true);
    expect(isoDay.safeParse(s).success).toBe(true);
    expect(isoTime.safeParse(`${s}T08:00:00+08:00`).success).toBe(true);
  });
  it('words the refusal for a person', () => {
    expect(isoDay.safeParse('2027-02-30').error?.issues[0].message).toBe('没有这一天，请检查日期');
  });
  it.each(['2026-12-07T24:00:00Z', '2026-12-07T23:60:00Z', '2026-12-07T23:59:60Z', '2026-12-07T08:00:00+15:00'])('refuses the time %s', (s) => {
    expect(isoTime.safeParse(s).success).toBe(false);
  });
  it.each(['2026-12-07T23:59:59.999Z', '2026-12-07T08:00:00+08:00', '2026-12-07 08:00', '2026-12-07T08:00:00-0500'])('accepts the time %s', (s) => {
    expect(isoTime.safeParse(s).success).toBe(true);
  });
});
