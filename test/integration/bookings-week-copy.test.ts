import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { SlotDTO } from '@hg/types';
import { addDays, localDay, localTime } from '@hg/types/local-time';
import { clock } from '../../cloud/src/core/clock';
import { runInTransaction } from '../../cloud/src/core/data-source';
import { localPlatform } from '../../cloud/src/core/platform';
import { seedDemoBookings } from '../../cloud/src/modules/bookings/demo-seed';
import { Slot } from '../../cloud/src/modules/bookings/slot.entity';
import { fulfilStandingOrders } from '../../cloud/src/modules/bookings/standing-order-timer';
import { demoSeedContext } from '../../cloud/src/seed/run-seed';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildResident, call, communityIdOf, errorCode, ok, orgId, personWithRole } from '../factories';

jest.setTimeout(180_000);

const rid = () => crypto.randomBytes(9).toString('base64url');
const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * A week of menus without 200 taps: 复制上周菜单 copies last week's sittings seven days later with
 * their menus, once however often or however many staff tap it; 设为休息日 withdraws a day's
 * sittings, cancels its bookings and tells each elder once; nothing is saved or copied onto it
 * and standing orders pass it by.
 */
describe.each(DIALECTS)('a week of menus on %s', (dialect) => {
  let db: TestDb;
  let centreId: number;
  let today: string;
  const staff = as('care_staff');
  beforeAll(async () => {
    db = await createTestDb(dialect);
    centreId = await orgId(db.ds, '南街社区日间照料中心');
    // The demo week: 14 sittings with menus and allergens, some booked.
    await seedDemoBookings(demoSeedContext(db.ds));
    today = localDay(clock.now());
  });
  afterEach(() => clock.reset());
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  const week = (from: string) => call('bookings', 'week', { centreId, from, kind: 'meal' }, staff).then(ok);
  const mealRows = async (first: string, last: string) =>
    Number(
      (await db.ds.query("SELECT COUNT(*) AS n FROM booking_slots WHERE centreId = ? AND kind = 'meal' AND day >= ? AND day <= ?", [centreId, first, last]))[0]
        .n,
    );

  /** A sitting saved by hand (lunch 11:30–12:30, cut-off 09:00), with a menu. */
  async function save(day: string, sitting: 'lunch' | 'dinner', capacityDineIn = 2, capacityDelivery = 2) {
    const [starts, ends, cutoff] = sitting === 'lunch' ? ['11:30', '12:30', '09:00'] : ['17:00', '18:00', '15:00'];
    return call(
      'bookings',
      'saveSlot',
      {
        centreId,
        kind: 'meal',
        day,
        sitting,
        startsAt: localTime(day, starts).toISOString(),
        endsAt: localTime(day, ends).toISOString(),
        cutoffAt: localTime(day, cutoff).toISOString(),
        capacityDineIn,
        capacityDelivery,
        priceFen: 1500,
        dishes: [{ name: '清蒸鲈鱼', tags: ['低盐'], allergens: ['鱼'] }],
      },
      staff,
    );
  }

  it('copies the seeded week seven days later — times, seats, price, dishes and allergens — and a second copy creates nothing', async () => {
    const from = addDays(today, 7);
    const source = await week(today);
    expect(source.length).toBe(14);
    expect(source.some((s) => s.dishes.some((d) => d.allergens.length > 0))).toBe(true);

    const preview = ok(await call('bookings', 'copyWeek', { centreId, from, dryRun: true }, staff));
    expect(preview.created).toHaveLength(14);
    expect(preview.created.every((c) => c.slotId === null)).toBe(true);
    expect(await mealRows(from, addDays(from, 6))).toBe(0);

    const done = ok(await call('bookings', 'copyWeek', { centreId, from }, staff));
    expect(done.created).toHaveLength(14);
    expect(done.skipped).toEqual([]);
    const copied = await week(from);
    expect(copied.map((s) => s.id).sort()).toEqual(done.created.map((c) => c.slotId).sort());
    for (const s of source) {
      const c = copied.find((x) => x.day === addDays(s.day, 7) && x.sitting === s.sitting)!;
      expect(c).toBeDefined();
      const shift = (iso: string) => new Date(new Date(iso).getTime() + WEEK_MS).toISOString();
      expect([c.startsAt, c.endsAt, c.cutoffAt]).toEqual([shift(s.startsAt), shift(s.endsAt), shift(s.cutoffAt)]);
      expect({ title: c.title, priceFen: c.priceFen, dishes: c.dishes, quotaPerWeek: c.quotaPerWeek }).toEqual({
        title: s.title,
        priceFen: s.priceFen,
        dishes: s.dishes,
        quotaPerWeek: s.quotaPerWeek,
      });
      expect(c.seats).toEqual({
        dineIn: { capacity: s.seats.dineIn.capacity, left: s.seats.dineIn.capacity },
        delivery: { capacity: s.seats.delivery.capacity, left: s.seats.delivery.capacity },
      });
    }

    const again = ok(await call('bookings', 'copyWeek', { centreId, from }, staff));
    expect(again.created).toEqual([]);
    expect(again.skipped).toHaveLength(14);
    expect(new Set(again.skipped.map((s) => s.reason))).toEqual(new Set(['本周已有']));
    expect(await mealRows(from, addDays(from, 6))).toBe(14);

    // Only the centre's staff copy; a resident may not.
    expect(errorCode(await call('bookings', 'copyWeek', { centreId, from: addDays(from, 7) }, as('resident')))).toBe('FORBIDDEN');
  });

  it('staff tapping 复制上周 at once on several phones create one set of sittings', async () => {
    const from = addDays(today, 14);
    const results = await Promise.all(Array.from({ length: 5 }, () => call('bookings', 'copyWeek', { centreId, from }, staff).then(ok)));
    expect(results.reduce((n, r) => n + r.created.length, 0)).toBe(14);
    expect(results.reduce((n, r) => n + r.skipped.length, 0)).toBe(4 * 14);
    expect(await mealRows(from, addDays(from, 6))).toBe(14);
  });

  it('a closed day is skipped by the copy, left out of the week and named with its reason', async () => {
    const from = addDays(today, 21);
    const holiday = addDays(from, 2);
    expect(ok(await call('bookings', 'closeDay', { centreId, day: holiday, reason: '元旦' }, staff))).toEqual({ day: holiday, slots: 0, bookings: 0 });
    const preview = ok(await call('bookings', 'copyWeek', { centreId, from, dryRun: true }, staff));
    expect(preview.created).toHaveLength(12);
    expect(preview.skipped.map((s) => [s.day, s.reason])).toEqual([
      [holiday, '休息日'],
      [holiday, '休息日'],
    ]);
    const done = ok(await call('bookings', 'copyWeek', { centreId, from }, staff));
    expect(done.created).toHaveLength(12);
    expect(done.created.some((c) => c.day === holiday)).toBe(false);
    expect((await week(from)).some((s) => s.day === holiday)).toBe(false);
    // Anyone signed in reads the closed days (the elder's week page, the printed menu).
    expect(ok(await call('bookings', 'closedDays', { centreId, from }, as('resident')))).toEqual([{ day: holiday, reason: '元旦' }]);
  });

  it('closing a day cancels its meal bookings, gives the seats back, tells each elder once, refuses new sittings, and standing orders pass it by', async () => {
    const day = addDays(today, 40);
    const next = addDays(day, 1);
    const lunch = ok(await save(day, 'lunch'));
    const dinner = ok(await save(day, 'dinner'));
    const nextLunch = ok(await save(next, 'lunch', 5, 0));

    const register = async (name: string) => {
      const r = await buildResident(db.ds, { name });
      const elder = ok(await call('bookings', 'registerElder', { centreId, birthYear: 1948 }, r.openid));
      return { ...r, elderId: elder.id };
    };
    const wang = await register('王秀兰');
    const li = await register('李桂英');
    const zhao = await register('赵淑珍');
    const book = (who: { openid: string; elderId: number }, slot: SlotDTO, mode: 'dine_in' | 'delivery', waitlist = false) =>
      call('bookings', 'book', { slotId: slot.id, elderId: who.elderId, mode, requestId: rid(), waitlist }, who.openid).then(ok);
    const wangLunch = await book(wang, lunch, 'dine_in');
    const wangDinner = await book(wang, dinner, 'delivery');
    const liLunch = await book(li, lunch, 'dine_in');
    const zhaoWaiting = await book(zhao, lunch, 'dine_in', true);
    expect(zhaoWaiting.status).toBe('waitlisted');

    // A walk-in elder on a standing order for lunch on the closed day and the day after.
    const walkIn = ok(await call('bookings', 'registerElder', { centreId, name: '孙德明', birthYear: 1944 }, staff));
    const weekdayOf = (d: string) => ((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    // He rang for dinner that day too: booked by staff, he has neither an account nor family linked.
    const sunDinner = ok(await call('bookings', 'book', { slotId: dinner.id, elderId: walkIn.id, mode: 'dine_in', requestId: rid() }, staff));
    const order = ok(await call('bookings', 'standingOrder', { elderId: walkIn.id, sitting: 'lunch', weekdays: [weekdayOf(day), weekdayOf(next)] }, staff));

    expect(ok(await call('bookings', 'closePreview', { centreId, day }, staff))).toEqual({
      day,
      closed: false,
      sittings: 2,
      bookings: 5,
      elders: 4,
      told: 3,
      toCall: ['孙德明'],
    });
    expect(errorCode(await call('bookings', 'closePreview', { centreId, day }, as('resident')))).toBe('FORBIDDEN');
    expect(errorCode(await call('bookings', 'closeDay', { centreId, day: addDays(today, -1), reason: '补记' }, staff))).toBe('INVALID_INPUT');

    expect(ok(await call('bookings', 'closeDay', { centreId, day, reason: '元旦' }, staff))).toEqual({ day, slots: 2, bookings: 5 });
    expect(errorCode(await call('bookings', 'closeDay', { centreId, day, reason: '元旦' }, staff))).toBe('CONFLICT');

    // Every live booking cancelled through the machine: one `cancelled` event each, by the staff member.
    const ids = [wangLunch.id, wangDinner.id, liLunch.id, zhaoWaiting.id, sunDinner.id];
    const rows: { id: number; status: string; activeKey: string | null }[] = await db.ds.query(
      `SELECT id, status, activeKey FROM bookings WHERE id IN (${ids.join(',')}) ORDER BY id`,
    );
    expect(rows.map((r) => [r.status, r.activeKey])).toEqual(ids.map(() => ['cancelled', null]));
    const events: { subjectId: number; action: string }[] = await db.ds.query(
      `SELECT subject_id AS subjectId, action FROM subject_events WHERE subject_kind = 'booking' AND subject_id IN (${ids.join(',')}) AND action = 'cancelled'`,
    );
    expect(events.map((e) => Number(e.subjectId)).sort()).toEqual([...ids].sort());
    // Seats given back.
    const held: { id: number; heldDineIn: number; heldDelivery: number }[] = await db.ds.query(
      'SELECT id, heldDineIn, heldDelivery FROM booking_slots WHERE id IN (?, ?)',
      [lunch.id, dinner.id],
    );
    expect(held.map((h) => [Number(h.heldDineIn), Number(h.heldDelivery)])).toEqual([
      [0, 0],
      [0, 0],
    ]);

    // Each elder told once, in their words — 王秀兰 had lunch and dinner and still hears it once.
    const md = `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
    for (const who of [wang, li, zhao]) {
      const told: { title: string; body: string }[] = await db.ds.query("SELECT title, body FROM notifications WHERE userId = ? AND title = '停餐通知'", [
        who.userId,
      ]);
      expect(told).toEqual([{ title: '停餐通知', body: `${md} 因节假日停餐，您的预订已取消（元旦）` }]);
    }

    // Nothing more on that day: no sitting saved (typed, on the day field), the menu not edited back.
    const refused = await save(day, 'lunch');
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { field: 'day' } } });
    expect(errorCode(await call('bookings', 'editMenu', { slotId: lunch.id, dishes: [{ name: '红烧肉' }] }, staff))).toBe('INVALID_TRANSITION');
    expect(errorCode(await call('bookings', 'book', { slotId: lunch.id, elderId: li.elderId, mode: 'dine_in', requestId: rid() }, li.openid))).toBe(
      'INVALID_TRANSITION',
    );
    expect((await week(day)).map((s) => s.id)).toEqual([nextLunch.id]);
    expect(ok(await call('bookings', 'closedDays', { centreId, from: day }, li.openid))).toEqual([{ day, reason: '元旦' }]);

    // Two days before: the standing order books the next day's lunch, not the closed day, and counts nothing missed.
    clock.advance(localTime(addDays(day, -2), '08:00').getTime() - clock.now().getTime());
    await fulfilStandingOrders.run(
      { em: db.ds.manager, tx: <T>(work: (em: EntityManager) => Promise<T>) => runInTransaction(db.ds, work), platform: localPlatform() },
      clock.now(),
    );
    const booked: { day: string }[] = await db.ds.query(
      "SELECT s.day AS day FROM bookings b JOIN booking_slots s ON s.id = b.slotId WHERE b.elderId = ? AND b.status = 'booked' AND s.day >= ?",
      [walkIn.id, day],
    );
    expect(booked.map((b) => b.day)).toEqual([next]);
    const [standing] = await db.ds.query('SELECT missed FROM standing_orders WHERE id = ?', [order.id]);
    expect(standing.missed).toBe('');
  });

  it('a day closed while the week is being copied ends with no open sitting on it; two closes at once close it once', async () => {
    const from = addDays(today, 28);
    const holiday = addDays(from, 4);
    const [copied, closed] = await Promise.all([
      call('bookings', 'copyWeek', { centreId, from }, staff).then(ok),
      call('bookings', 'closeDay', { centreId, day: holiday, reason: '端午' }, staff).then(ok),
    ]);
    // Either the copy skipped the day, or the close withdrew what the copy had written: never a bookable sitting.
    // Last week (+21…+27) had 12 sittings: its own holiday was closed.
    expect(copied.created.length + copied.skipped.length).toBe(12);
    expect(closed.slots).toBe(copied.created.filter((c) => c.day === holiday).length);
    const onHoliday = await db.ds.manager.find(Slot, { where: { centreId, kind: 'meal', day: holiday } });
    expect(onHoliday.filter((x) => x.cutoffAt.getTime() > Date.now())).toEqual([]);

    const other = addDays(from, 5);
    const both = await Promise.all([1, 2].map(() => call('bookings', 'closeDay', { centreId, day: other, reason: '端午' }, staff)));
    expect(both.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['CONFLICT', 'ok']);
  });

  it('撤销休息日: the day opens again (two staff at once: once), its withdrawn sittings and cancelled bookings stay so, and a saved or copied sitting takes their place', async () => {
    const day = addDays(today, 52);
    const lastWeekLunch = ok(await save(addDays(day, -7), 'lunch', 4, 0));
    const lunch = ok(await save(day, 'lunch'));
    const dinner = ok(await save(day, 'dinner'));
    const r = await buildResident(db.ds, { name: '周玉兰' });
    const elder = ok(await call('bookings', 'registerElder', { centreId, birthYear: 1947 }, r.openid));
    const book = (slotId: number) => call('bookings', 'book', { slotId, elderId: elder.id, mode: 'dine_in', requestId: rid() }, r.openid);
    const booked = ok(await book(lunch.id));
    ok(await call('bookings', 'closeDay', { centreId, day, reason: '冬至' }, staff));

    // Who may: as for closing. A day not closed, or past, cannot be reopened.
    expect(errorCode(await call('bookings', 'reopenDay', { centreId, day }, r.openid))).toBe('FORBIDDEN');
    expect(errorCode(await call('bookings', 'reopenDay', { centreId, day: addDays(day, 1) }, staff))).toBe('INVALID_TRANSITION');
    expect(errorCode(await call('bookings', 'reopenDay', { centreId, day: addDays(today, -1) }, staff))).toBe('INVALID_INPUT');
    // Two of the centre's staff at once: one reopens it, the other is told it is open already.
    const colleague = await personWithRole(db.ds, 'care_staff', 'community', await communityIdOf(db.ds, '南街社区'), centreId, '钱晓梅');
    const both = await Promise.all([staff, colleague].map((who) => call('bookings', 'reopenDay', { centreId, day }, who)));
    expect(both.map((x) => (x.ok ? 'ok' : x.error.code)).sort()).toEqual(['INVALID_TRANSITION', 'ok']);
    expect(both.find((x) => x.ok)).toEqual({ ok: true, data: { day, withdrawn: 2 } });
    expect(ok(await call('bookings', 'closedDays', { centreId, from: day }, staff))).toEqual([]);
    const log: { action: string; data: string }[] = await db.ds.query(
      "SELECT action, data FROM subject_events WHERE subject_kind = 'meal-day' AND subject_id = ? ORDER BY id",
      [centreId],
    );
    expect(log.filter((l) => JSON.parse(l.data).day === day).map((l) => [l.action, JSON.parse(l.data).reason])).toEqual([
      ['closed', '冬至'],
      ['reopened', '冬至'],
    ]);

    // What the close withdrew stays withdrawn: out of the week, not bookable, the booking still cancelled.
    expect((await week(day)).filter((s) => s.day === day)).toEqual([]);
    expect(errorCode(await book(lunch.id))).toBe('INVALID_TRANSITION');
    const [row] = await db.ds.query('SELECT status FROM bookings WHERE id = ?', [booked.id]);
    expect(row.status).toBe('cancelled');
    expect(ok(await call('bookings', 'closePreview', { centreId, day }, staff))).toMatchObject({ sittings: 0, bookings: 0 });

    // 复制上周 copies last week's lunch into the withdrawn lunch's place (the day's dinner is not 本周已有).
    const copied = ok(await call('bookings', 'copyWeek', { centreId, from: day }, staff));
    const copiedLunch = copied.created.find((c) => c.day === day);
    expect(copiedLunch).toEqual({ day, sitting: 'lunch', title: lastWeekLunch.title, slotId: lunch.id });
    // Saving a dinner by hand works again and takes the withdrawn dinner's place, with no seat held; a second save is 已发布.
    const again = ok(await save(day, 'dinner', 3, 0));
    expect(again).toMatchObject({ id: dinner.id, day, sitting: 'dinner', open: true, seats: { dineIn: { capacity: 3, left: 3 } } });
    expect(errorCode(await save(day, 'dinner'))).toBe('CONFLICT');
    expect(await mealRows(day, day)).toBe(2);
    expect((await week(day)).filter((s) => s.day === day).map((s) => [s.id, s.seats.dineIn.capacity, s.open])).toEqual([
      [lunch.id, 4, true],
      [dinner.id, 3, true],
    ]);
    // She books again; the cancelled booking stays as it was.
    expect(ok(await book(lunch.id)).status).toBe('booked');
    const [still] = await db.ds.query('SELECT status FROM bookings WHERE id = ?', [booked.id]);
    expect(still.status).toBe('cancelled');
  });

  it('staff swap a dish of a copied sitting until its cut-off; only they may', async () => {
    const [first] = await week(addDays(today, 7));
    const dishes = [...first.dishes.slice(1), { name: '香菇青菜', tags: ['素食' as const], allergens: [] }];
    const edited = ok(await call('bookings', 'editMenu', { slotId: first.id, dishes }, staff));
    expect(edited.dishes.map((d) => d.name)).toEqual(dishes.map((d) => d.name));
    expect((await week(addDays(today, 7))).find((s) => s.id === first.id)!.dishes).toEqual(edited.dishes);
    expect(errorCode(await call('bookings', 'editMenu', { slotId: first.id, dishes }, as('resident')))).toBe('FORBIDDEN');
  });
});
