import type { BookingDTO, ElderDTO, SlotDTO } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { localDay, localTime } from '@hg/types/local-time';
import { isUpcoming, UPCOMING_MEAL_STATUSES } from '@hg/types/upcoming';
import { seedDemoBookings } from '../../cloud/src/modules/bookings/demo-seed';
import { demoSeedContext } from '../../cloud/src/seed/run-seed';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, call, compoundIdOf, errorCode, newcomer, ok, orgId } from '../factories';

jest.setTimeout(120_000);

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The bookings reads (centres, week, quote, mine, myElders, elders, kitchen), publishing a slot,
 * and the timer jobs, over the demo week the seed books through the real actions.
 */
describe.each(DIALECTS)('bookings reads, slots and timers on %s', (dialect) => {
  let db: TestDb;
  let centreId: number;
  const elders = new Map<string, ElderDTO>();
  const dayAt = (offset: number) => localDay(new Date(Date.now() + offset * DAY));
  let week: SlotDTO[];

  beforeAll(async () => {
    db = await createTestDb(dialect);
    expect(await seedDemoBookings(demoSeedContext(db.ds))).toBe(11);
    expect(await seedDemoBookings(demoSeedContext(db.ds))).toBe(0);
    centreId = await orgId(db.ds, '南街社区日间照料中心');
    for (const e of ok(await call('bookings', 'elders', { centreId, limit: 100 }, as('care_staff'))).items) elders.set(e.name, e);
    week = ok(await call('bookings', 'week', { centreId }, as('resident')));
  });
  afterAll(() => db.drop());
  afterEach(() => clock.reset());

  it('centres: my homes’ centres, one compound’s (public), and the centre I staff', async () => {
    const names = (list: { name: string }[]) => list.map((c) => c.name);
    const mine = ok(await call('bookings', 'centres', {}, as('resident')));
    expect(mine).toEqual([{ id: centreId, name: '南街社区日间照料中心', hotline: '0817-0000301', community: { id: expect.any(Number), name: '南街社区' } }]);
    expect(names(ok(await call('bookings', 'centres', { compoundId: await compoundIdOf(db.ds, 'NJJP01') }, null)))).toEqual(['南街社区日间照料中心']);
    expect(names(ok(await call('bookings', 'centres', {}, as('care_staff'))))).toEqual(['南街社区日间照料中心']);
    expect(ok(await call('bookings', 'centres', {}, newcomer()))).toEqual([]);
    expect(errorCode(await call('bookings', 'centres', { compoundId: 999999 }, null))).toBe('NOT_FOUND');
  });

  it('week: 7 days of sittings in time order, seats left, my booking when I name my elder', async () => {
    expect(week).toHaveLength(14);
    expect(week.map((s) => s.startsAt)).toEqual([...week.map((s) => s.startsAt)].sort());
    expect(week[0]).toMatchObject({ day: dayAt(0), sitting: 'lunch', title: '午餐', priceFen: 1200 });
    expect(week[0].seats).toEqual({ dineIn: { capacity: 30, left: 28 }, delivery: { capacity: 20, left: 18 } });
    expect(week.every((s) => s.myBooking === null)).toBe(true);

    const wang = elders.get('王秀兰')!;
    const withMine = ok(await call('bookings', 'week', { centreId, elderId: wang.id }, as('resident')));
    expect(withMine.filter((s) => s.myBooking).map((s) => `${s.day}:${s.sitting}`)).toEqual([`${dayAt(0)}:lunch`, `${dayAt(0)}:dinner`, `${dayAt(1)}:lunch`]);
    expect(withMine[0].myBooking).toMatchObject({ elder: { id: wang.id, name: '王秀兰' }, channel: 'self', status: expect.stringMatching(/booked|redeemed/) });

    // Someone else's elder is NOT_FOUND for a resident; staff and the grid worker may look.
    expect(errorCode(await call('bookings', 'week', { centreId, elderId: elders.get('李淑芬')!.id }, as('resident')))).toBe('NOT_FOUND');
    ok(await call('bookings', 'week', { centreId, elderId: elders.get('李淑芬')!.id }, as('grid_worker')));
    expect(ok(await call('bookings', 'week', { centreId, kind: 'room' }, as('resident2')))).toEqual([]);
    expect(ok(await call('bookings', 'week', { centreId, from: dayAt(6) }, as('resident2')))).toHaveLength(2);
    expect(errorCode(await call('bookings', 'week', { centreId: 999999 }, as('resident')))).toBe('NOT_FOUND');
  });

  it('quote: subsidy tier, diet and allergy warnings, seats and open', async () => {
    const lunch1 = week.find((s) => s.day === dayAt(1) && s.sitting === 'lunch')!;
    const chen = ok(await call('bookings', 'quote', { slotId: lunch1.id, elderId: elders.get('陈玉珍')!.id }, as('care_staff')));
    expect(chen.price).toEqual({ priceFen: 1200, subsidyFen: 400, payFen: 800, tier: 'age80' });
    expect(chen.tierLabel).toBe('80岁以上');
    expect(chen.warnings).toEqual(['「土豆烧牛肉」未标注素食', '「紫菜蛋花汤」未标注素食']);
    expect(chen).toMatchObject({ open: true, seatsLeft: { dineIn: 28, delivery: 19 } });

    const ma = ok(await call('bookings', 'quote', { slotId: lunch1.id, elderId: elders.get('马德明')!.id }, as('care_staff')));
    expect(ma.price).toMatchObject({ subsidyFen: 600, payFen: 600, tier: 'dibao' });
    expect(ma.warnings).toEqual([]);

    const dinner2 = week.find((s) => s.day === dayAt(2) && s.sitting === 'dinner')!;
    const wang = ok(await call('bookings', 'quote', { slotId: dinner2.id, elderId: elders.get('王秀兰')!.id }, as('resident')));
    expect(wang.price).toMatchObject({ payFen: 1200, tier: null });
    expect(wang.warnings).toEqual(['「红糖发糕」可能含糖，请留意']);
    expect(errorCode(await call('bookings', 'quote', { slotId: dinner2.id, elderId: elders.get('陈玉珍')!.id }, as('resident')))).toBe('NOT_FOUND');
  });

  it('mine and myElders: my own bookings and those I placed, upcoming first, paged', async () => {
    const walk = async (openid: string, status?: BookingDTO['status']) => {
      const out: BookingDTO[] = [];
      let cursor: string | undefined;
      do {
        const page = ok(await call('bookings', 'mine', { limit: 2, ...(cursor ? { cursor } : {}), ...(status ? { status } : {}) }, openid));
        out.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(new Set(out.map((b) => b.id)).size).toBe(out.length);
      // Upcoming first across pages (types/upcoming.ts): live from today on, nearest first; then the rest, latest first.
      const today = localDay(clock.now());
      const ahead = out.filter((b) => isUpcoming(UPCOMING_MEAL_STATUSES, b.status, b.slot.day, today));
      const at = (b: BookingDTO) => Date.parse(b.slot.startsAt);
      const past = out.slice(ahead.length);
      expect(out.slice(0, ahead.length)).toEqual(ahead);
      expect(ahead.map((b) => b.id)).toEqual([...ahead].sort((a, b) => at(a) - at(b) || a.id - b.id).map((b) => b.id));
      expect(past.map((b) => b.id)).toEqual([...past].sort((a, b) => at(b) - at(a) || b.id - a.id).map((b) => b.id));
      return out;
    };
    const wang = await walk(as('resident'));
    expect(wang).toHaveLength(3);
    expect(wang.every((b) => b.elder.name === '王秀兰' && b.code.length === 6)).toBe(true);
    expect(await walk(as('care_staff'))).toHaveLength(7);
    expect((await walk(as('grid_worker'))).map((b) => b.elder.name)).toEqual(['陈玉珍']);
    expect(await walk(as('resident2'))).toEqual([]);
    expect(await walk(as('resident'), 'cancelled')).toEqual([]);

    expect(ok(await call('bookings', 'myElders', {}, as('resident'))).map((e) => e.name)).toEqual(['王秀兰']);
    expect(ok(await call('bookings', 'myElders', {}, as('care_staff')))).toEqual([]);
  });

  it('elders: centre staff only, by name prefix or phone tail, paged', async () => {
    expect([...elders.keys()].sort()).toEqual(['李淑芬', '王秀兰', '陈玉珍', '马德明'].sort());
    expect(elders.get('马德明')).toMatchObject({ phoneMasked: '100****0051', hasAccount: false, dibao: true, tier: 'dibao', diets: ['清真'] });
    expect(elders.get('王秀兰')).toMatchObject({ hasAccount: true, age: 78 });
    const q = async (text: string) => ok(await call('bookings', 'elders', { centreId, q: text }, as('care_staff'))).items.map((e) => e.name);
    expect(await q('李')).toEqual(['李淑芬']);
    expect(await q('0051')).toEqual(['马德明']);
    expect(await q('%')).toEqual([]);
    const first = ok(await call('bookings', 'elders', { centreId, limit: 3 }, as('care_staff')));
    const rest = ok(await call('bookings', 'elders', { centreId, limit: 3, cursor: first.nextCursor! }, as('care_staff')));
    expect([...first.items, ...rest.items].map((e) => e.id)).toEqual([...elders.values()].map((e) => e.id).sort((a, b) => b - a));
    expect(rest.nextCursor).toBeNull();
    expect(errorCode(await call('bookings', 'elders', { centreId }, as('resident')))).toBe('FORBIDDEN');
    expect(errorCode(await call('bookings', 'elders', { centreId }, as('community_staff')))).toBe('FORBIDDEN');
  });

  it('kitchen: the seat holders of a sitting, by mode, diet and allergy; staff only', async () => {
    const report = ok(await call('bookings', 'kitchen', { slotId: week[0].id }, as('care_staff')));
    expect(report.total).toBe(4);
    expect(report.byMode).toEqual({ dine_in: 2, delivery: 2 });
    expect(report.byDiet).toEqual([
      { tag: '软烂', count: 1 },
      { tag: '低盐', count: 1 },
      { tag: '低糖', count: 1 },
      { tag: '清真', count: 1 },
      { tag: '素食', count: 1 },
    ]);
    expect(report.allergies).toEqual([{ name: '陈玉珍', allergies: '花生' }]);
    expect(report.people.map((p) => p.mode)).toEqual(['dine_in', 'dine_in', 'delivery', 'delivery']);
    expect(report.people.filter((p) => p.mode === 'delivery').map((p) => p.address)).toEqual(
      ['锦屏花园3栋1单元201', '南街老院子5号'].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true })),
    );
    expect(errorCode(await call('bookings', 'kitchen', { slotId: week[0].id }, as('resident')))).toBe('FORBIDDEN');
    expect(errorCode(await call('bookings', 'kitchen', { slotId: 999999 }, as('care_staff')))).toBe('NOT_FOUND');
  });

  it('saveSlot: staff publish a slot from today up to 60 days ahead, cut-off to come, day matching', async () => {
    const day = dayAt(3);
    const base = {
      centreId,
      kind: 'room' as const,
      day,
      startsAt: localTime(day, '14:00').toISOString(),
      endsAt: localTime(day, '16:00').toISOString(),
      cutoffAt: localTime(day, '12:00').toISOString(),
      capacityDineIn: 12,
    };
    const room = ok(await call('bookings', 'saveSlot', base, as('care_staff')));
    expect(room).toMatchObject({
      kind: 'room',
      title: '活动室',
      sitting: null,
      dishes: [],
      seats: { dineIn: { capacity: 12, left: 12 }, delivery: { capacity: 0, left: 0 } },
      open: true,
    });

    const err = async (input: Record<string, unknown>, who = as('care_staff')) => {
      const res = await call('bookings', 'saveSlot', { ...base, ...input } as typeof base, who);
      return res.ok ? 'ok' : `${res.error.code}:${(res.error.details?.field as string) ?? ''}`;
    };
    const past = dayAt(-1);
    expect(
      await err({
        day: past,
        startsAt: localTime(past, '14:00').toISOString(),
        endsAt: localTime(past, '16:00').toISOString(),
        cutoffAt: localTime(past, '12:00').toISOString(),
      }),
    ).toBe('INVALID_INPUT:day');
    const far = dayAt(62);
    expect(
      await err({
        day: far,
        startsAt: localTime(far, '14:00').toISOString(),
        endsAt: localTime(far, '16:00').toISOString(),
        cutoffAt: localTime(far, '12:00').toISOString(),
      }),
    ).toBe('INVALID_INPUT:day');
    expect(await err({ day: dayAt(4) })).toBe('INVALID_INPUT:startsAt');
    expect(await err({ cutoffAt: new Date(Date.now() - MINUTE).toISOString() })).toBe('INVALID_INPUT:cutoffAt');
    expect(await err({ startsAt: `${day}T14:00:00`, endsAt: `${day}T16:00:00`, cutoffAt: `${day}T12:00:00` })).toBe('INVALID_INPUT:startsAt');
    expect(await err({ kind: 'meal', sitting: 'lunch' })).toBe('CONFLICT:');
    expect(await err({}, as('resident'))).toBe('FORBIDDEN:');
    expect(await err({}, as('community_staff'))).toBe('FORBIDDEN:');
  });

  it('timers: a lapsed offer passes on, the waitlist closes at the cut-off, a missed meal is a no-show', async () => {
    const day = dayAt(5);
    const slot = ok(
      await call(
        'bookings',
        'saveSlot',
        {
          centreId,
          kind: 'consult',
          day,
          startsAt: localTime(day, '09:00').toISOString(),
          endsAt: localTime(day, '10:00').toISOString(),
          cutoffAt: localTime(day, '08:00').toISOString(),
          capacityDineIn: 2,
        },
        as('care_staff'),
      ),
    );
    const people: ElderDTO[] = [];
    for (const name of ['甲', '乙', '丙', '丁', '戊']) {
      people.push(ok(await call('bookings', 'registerElder', { centreId, name: `测试${name}`, birthYear: 1945 }, as('care_staff'))));
    }
    const book = async (e: ElderDTO) =>
      ok(await call('bookings', 'book', { slotId: slot.id, elderId: e.id, requestId: `timer-test-${slot.id}-${e.id}`, waitlist: true }, as('care_staff')));
    const [a, e, b, c, d] = [await book(people[0]), await book(people[4]), await book(people[1]), await book(people[2]), await book(people[3])];
    expect([a, e, b, c, d].map((x) => x.status)).toEqual(['booked', 'booked', 'waitlisted', 'waitlisted', 'waitlisted']);
    ok(await call('bookings', 'cancel', { bookingId: a.id }, as('care_staff')));

    const status = async (id: number) => String((await db.ds.query('SELECT status FROM bookings WHERE id = ?', [id]))[0].status);
    const held = async () => Number((await db.ds.query('SELECT heldDineIn AS n FROM booking_slots WHERE id = ?', [slot.id]))[0].n);
    const tick = async (at: Date) => ok(await call('escalation', 'tick', { now: at.toISOString() }, as('admin')));
    expect(await status(b.id)).toBe('offered');

    const t1 = await tick(new Date(Date.now() + 121 * MINUTE));
    expect(t1.offersExpired).toBe(1);
    expect([await status(b.id), await status(c.id), await status(d.id)]).toEqual(['expired', 'offered', 'waitlisted']);
    expect(await held()).toBe(2);
    // A second tick at the same moment finds nothing more to do.
    expect((await tick(new Date(Date.now() + 121 * MINUTE))).offersExpired).toBe(0);

    const t2 = await tick(new Date(localTime(day, '08:00').getTime() + 1000));
    expect(t2).toMatchObject({ offersExpired: 1, waitlistsClosed: 1 });
    expect([await status(c.id), await status(d.id), await status(e.id)]).toEqual(['expired', 'expired', 'booked']);
    expect(await held()).toBe(1);
    const live = await db.ds.query('SELECT COUNT(*) AS n FROM bookings WHERE slotId = ? AND activeKey IS NOT NULL', [slot.id]);
    expect(Number(live[0].n)).toBe(1);

    const t3 = await tick(new Date(localTime(day, '11:00').getTime()));
    expect(t3.noShows).toBeGreaterThanOrEqual(1);
    expect(await status(e.id)).toBe('no_show');
    expect(await held()).toBe(1);
    // The walk-ins have no account: whoever booked for them (the staff member) is told each step.
    const [staff] = await db.ds.query('SELECT id FROM users WHERE openid = ?', [as('care_staff')]);
    const told = await db.ds.query('SELECT title, COUNT(*) AS n FROM notifications WHERE userId = ? GROUP BY title', [staff.id]);
    expect(Object.fromEntries(told.map((r: { title: string; n: number | string }) => [r.title, Number(r.n)]))).toMatchObject({
      '候补到位，请确认': 2,
      候补名额已失效: 2,
      候补未到位: 1,
      // Each lapsed offer: the centre's staff are asked to phone the elder.
      请致电测试乙老人确认: 1,
      请致电测试丙老人确认: 1,
    });
  });
});
