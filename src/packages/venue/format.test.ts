import { availability, byDay, dayLabel, isAhead, when } from './format';

const NOW = new Date('2030-03-05T02:00:00.000Z'); // 10:00 in Beijing, 2030-03-05 (a Tuesday)
const slot = (over: Partial<Parameters<typeof availability>[0]> = {}) => ({
  status: 'published' as const,
  myReservationId: null,
  opensAt: null,
  cutoffAt: '2030-03-06T04:00:00.000Z',
  left: 3,
  ...over,
});

describe('venue display rules', () => {
  it('names days on Beijing time, with 今天 and 明天', () => {
    expect(dayLabel('2030-03-05', NOW)).toBe('今天 · 3月5日 周二');
    expect(dayLabel('2030-03-06', NOW)).toBe('明天 · 3月6日 周三');
    expect(dayLabel('2030-03-09', NOW)).toBe('3月9日 周六');
    // 23:30 in New York on the 4th is already the 5th in Beijing.
    expect(dayLabel('2030-03-05', new Date('2030-03-04T16:30:00.000Z'))).toContain('今天');
    expect(when({ day: '2030-03-06', startsAt: '2030-03-06T06:00:00.000Z', endsAt: '2030-03-06T09:00:00.000Z' }, NOW)).toBe('明天 · 3月6日 周三 14:00–17:00');
  });

  it('says where booking stands: withdrawn, mine, not open yet, past the cut-off, full (waitlist) or open', () => {
    const at = NOW.getTime();
    expect(availability(slot(), at)).toBe('open');
    expect(availability(slot({ left: 0 }), at)).toBe('full');
    expect(availability(slot({ status: 'withdrawn', myReservationId: 4 }), at)).toBe('withdrawn');
    expect(availability(slot({ myReservationId: 4, left: 0 }), at)).toBe('mine');
    expect(availability(slot({ opensAt: '2030-03-05T16:00:00.000Z' }), at)).toBe('opens');
    expect(availability(slot({ opensAt: '2030-03-05T01:00:00.000Z' }), at)).toBe('open');
    expect(availability(slot({ cutoffAt: '2030-03-05T01:59:00.000Z', left: 0 }), at)).toBe('closed');
  });

  it('groups slots by day in start order', () => {
    const s = (id: number, day: string, startsAt: string) => ({ id, day, startsAt });
    const days = byDay([s(1, '2030-03-06', '2030-03-06T06:00:00Z'), s(2, '2030-03-05', '2030-03-05T08:00:00Z'), s(3, '2030-03-06', '2030-03-06T01:00:00Z')]);
    expect(days.map((d) => [d.day, d.slots.map((x) => x.id)])).toEqual([
      ['2030-03-05', [2]],
      ['2030-03-06', [3, 1]],
    ]);
  });

  it('counts live reservations from today on as ahead (today all day), the rest as past', () => {
    const r = (status: Parameters<typeof isAhead>[0]['status'], day: string) => isAhead({ status, day }, NOW);
    expect(r('booked', '2030-03-05')).toBe(true); // today, even once started: the code is still at hand
    expect(r('waitlisted', '2030-03-06')).toBe(true);
    expect(r('offered', '2030-03-06')).toBe(true);
    expect(r('checked_in', '2030-03-05')).toBe(true);
    expect(r('cancelled', '2030-03-08')).toBe(false);
    expect(r('checked_out', '2030-03-05')).toBe(false);
    expect(r('booked', '2030-03-01')).toBe(false); // a day gone by (no-show not marked yet)
  });
});
