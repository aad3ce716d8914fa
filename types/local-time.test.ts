import {
  addDays,
  addMonths,
  formatLocalTime,
  localClock,
  localDateTime,
  localDay,
  localIsoTime,
  localMonth,
  localTime,
  localYear,
  monthStart,
  weekdayOf,
  weekOf,
} from './local-time';

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

describe('Beijing days, months and clocks of an instant', () => {
  it.each([
    // instant (UTC)              day            month      year  clock    wall time
    ['2026-11-28T06:05:00.000Z', '2026-11-28', '2026-11', 2026, '14:05', '2026-11-28 14:05:00'],
    ['2026-03-01T15:59:59.000Z', '2026-03-01', '2026-03', 2026, '23:59', '2026-03-01 23:59:59'],
    ['2026-03-01T16:00:00.000Z', '2026-03-02', '2026-03', 2026, '00:00', '2026-03-02 00:00:00'],
    ['2025-12-31T16:00:00.000Z', '2026-01-01', '2026-01', 2026, '00:00', '2026-01-01 00:00:00'],
    ['2026-02-28T16:30:00.000Z', '2026-03-01', '2026-03', 2026, '00:30', '2026-03-01 00:30:00'],
  ] as const)('%s is %s (%s, %s) at %s', (iso, day, month, year, clock, wall) => {
    const at = new Date(iso);
    expect(localDay(at)).toBe(day);
    expect(localMonth(at)).toBe(month);
    expect(localYear(at)).toBe(year);
    expect(localClock(at)).toBe(clock);
    expect(localClock(iso)).toBe(clock);
    expect(localDateTime(at)).toBe(wall);
  });

  it('has no clock for nothing or an unreadable time', () => {
    expect(localClock(null)).toBe('');
    expect(localClock(undefined)).toBe('');
    expect(localClock('soon')).toBe('');
  });
});

describe('instants of Beijing wall times', () => {
  it.each([
    ['2026-12-01', '11:30', '2026-12-01T03:30:00.000Z'],
    ['2026-12-01', '00:00', '2026-11-30T16:00:00.000Z'],
    ['2026-01-01', '07:59', '2025-12-31T23:59:00.000Z'],
  ])('%s %s is %s', (day, hhmm, iso) => {
    expect(localTime(day, hhmm).toISOString()).toBe(iso);
    expect(Date.parse(localIsoTime(day, hhmm))).toBe(Date.parse(iso));
    expect(localDay(localTime(day, hhmm))).toBe(day);
  });

  it('writes the wall time with its offset, as forms send it', () => {
    expect(localIsoTime('2026-12-01', '11:30')).toBe('2026-12-01T11:30:00+08:00');
  });

  it.each([
    ['2026-12', '2026-11-30T16:00:00.000Z'],
    ['2026-01', '2025-12-31T16:00:00.000Z'],
    ['2024-03', '2024-02-29T16:00:00.000Z'],
  ])('month %s begins at %s', (month, iso) => {
    expect(monthStart(month).toISOString()).toBe(iso);
  });
});

describe('calendar arithmetic on local days and months', () => {
  it.each([
    ['2026-12-01', 7, '2026-12-08'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-29', 1, '2026-03-30'], // the night Europe and New York change clocks does not matter
    ['2026-11-01', 0, '2026-11-01'],
  ])('%s + %i days is %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  it.each([
    ['2026-11', 1, '2026-12'],
    ['2026-11', 2, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-03', -15, '2024-12'],
    ['2026-12', 0, '2026-12'],
  ])('%s + %i months is %s', (month, n, expected) => {
    expect(addMonths(month, n)).toBe(expected);
  });

  it.each([
    ['2026-03-02', 1],
    ['2026-03-07', 6],
    ['2026-03-08', 7],
    ['2027-01-01', 5],
  ])('%s is ISO weekday %i', (day, weekday) => {
    expect(weekdayOf(day)).toBe(weekday);
  });

  it('names the Monday-to-Sunday week of a day, across a month end', () => {
    expect(weekOf('2026-12-31')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(weekOf('2026-12-28')[0]).toBe('2026-12-28');
    expect(weekOf('2027-01-03')[6]).toBe('2027-01-03');
  });
});

describe('quarters in Beijing time', () => {
  const { localQuarter, nextQuarter } = jest.requireActual('./local-time') as typeof import('./local-time');
  it.each([
    ['2026-12-31T15:59:59Z', '2026-Q4', '2026-10-01', '2026-12-31'],
    ['2026-12-31T16:00:00Z', '2027-Q1', '2027-01-01', '2027-03-31'],
    ['2028-02-10T04:00:00Z', '2028-Q1', '2028-01-01', '2028-03-31'],
    ['2026-06-30T16:30:00Z', '2026-Q3', '2026-07-01', '2026-09-30'],
  ])('%s is in %s', (at, code, startsOn, endsOn) => {
    expect(localQuarter(new Date(at))).toEqual({ code, startsOn, endsOn });
  });
  it('steps to the next quarter across the year', () => {
    expect(nextQuarter({ code: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' })).toEqual({ code: '2027-Q1', startsOn: '2027-01-01', endsOn: '2027-03-31' });
    expect(nextQuarter({ code: '2027-Q1', startsOn: '2027-01-01', endsOn: '2027-03-31' }).endsOn).toBe('2027-06-30');
  });
});
