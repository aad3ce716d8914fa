import crypto from 'node:crypto';
import type { DeliveryListDTO, SlotDTO } from '@hg/types';
import type { MealRosterDTO } from '@hg/types/meal-roster';
import { clock } from '../../cloud/src/core/clock';
import { FUNCTIONS } from '../../cloud/src/app';
import { runAction } from '../../cloud/src/core/action';
import { localPlatform } from '../../cloud/src/core/platform';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildLunch, call, errorCode, homeOf, ok, orgId } from '../factories';

jest.setTimeout(120_000);

const rid = () => crypto.randomBytes(9).toString('base64url');
const HOUR = 3600 * 1000;

describe.each(DIALECTS)('the counter roster and the delivery round on %s', (dialect) => {
  let db: TestDb;
  let centreId: number;
  beforeAll(async () => {
    db = await createTestDb(dialect);
    centreId = await orgId(db.ds, '南街社区日间照料中心');
  });
  afterAll(async () => {
    clock.reset();
    await db.drop();
  });

  /** A lunch on a day of its own (one lunch a day per centre), `inHours` into it. */
  let lastStart = 0;
  async function sitting(capacityDineIn: number, capacityDelivery = 0, inHours = 6): Promise<SlotDTO> {
    const startsAt = new Date(Math.max(clock.now().getTime(), lastStart + 24 * HOUR) + inHours * HOUR);
    lastStart = startsAt.getTime();
    return buildLunch(centreId, startsAt, { capacityDineIn, capacityDelivery });
  }
  const toStart = (slot: SlotDTO) => clock.advance(Math.max(0, Date.parse(slot.startsAt) - clock.now().getTime()));

  /** An elder without an account, registered by staff (as if booked by phone). */
  const walkIn = async (name: string, more: Record<string, unknown> = {}) =>
    ok(await call('bookings', 'registerElder', { centreId, name, birthYear: 1944, ...more }, as('care_staff')));
  const book = async (slotId: number, elderId: number, mode: 'dine_in' | 'delivery' = 'dine_in') =>
    ok(await call('bookings', 'book', { slotId, elderId, mode, requestId: rid() }, as('care_staff')));
  const tick = () => runAction(FUNCTIONS.escalation, { action: 'tick' }, { openid: null, system: true }, localPlatform());
  const statusOf = async (id: number) => (await db.ds.query('SELECT status FROM bookings WHERE id = ?', [id]))[0].status as string;

  it("today's roster lists every seat with name, masked phone, mode and code; a name finds the elder; only the centre's staff see it", async () => {
    const slot = await sitting(5, 5);
    const phoneless = await walkIn('刘桂芳');
    const withPhone = await walkIn('刘建国', { phone: '13912345678', address: '南街老院子3号' });
    const other = await walkIn('周玉兰');
    const a = await book(slot.id, phoneless.id);
    const b = await book(slot.id, withPhone.id, 'delivery');
    await book(slot.id, other.id);
    toStart(slot);

    const roster = ok(await call('bookings', 'mealRoster', { centreId }, as('care_staff'))) as MealRosterDTO;
    expect(roster.day).toBe(slot.day);
    const [today] = roster.sittings;
    expect(today).toMatchObject({ slot: { id: slot.id }, total: 3, redeemed: 0 });
    expect(today.people.find((p) => p.bookingId === a.id)).toMatchObject({
      name: '刘桂芳',
      phoneMasked: '',
      noAccount: true,
      modeLabel: '堂食',
      code: a.code,
      statusLabel: '已预订',
      channelLabel: '中心代订',
    });
    expect(today.people.find((p) => p.bookingId === b.id)).toMatchObject({ phoneMasked: '139****5678', modeLabel: '送餐' });

    const found = ok(await call('bookings', 'mealRoster', { centreId, q: '刘' }, as('care_staff'))) as MealRosterDTO;
    expect(found.sittings[0].people.map((p) => p.name).sort()).toEqual(['刘建国', '刘桂芳']);
    expect(found.sittings[0].total).toBe(3);
    const byCode = ok(await call('bookings', 'mealRoster', { centreId, q: a.code.toLowerCase() }, as('care_staff'))) as MealRosterDTO;
    expect(byCode.sittings[0].people.map((p) => p.bookingId)).toEqual([a.id]);

    for (const who of ['resident', 'grid_worker', 'community_staff'])
      expect(errorCode(await call('bookings', 'mealRoster', { centreId }, as(who)))).toBe('FORBIDDEN');
  });

  it('a booking picked by name is redeemed once however fast the taps come, through the same transition as a code', async () => {
    const slot = await sitting(5);
    const elder = await walkIn('王淑珍');
    const booking = await book(slot.id, elder.id);
    toStart(slot);
    const taps = await Promise.all([0, 1, 2].map(() => call('bookings', 'redeemById', { centreId, bookingId: booking.id, paidBy: 'cash' }, as('care_staff'))));
    expect(taps.filter((r) => r.ok)).toHaveLength(1);
    expect(taps.find((r) => r.ok)).toMatchObject({ data: { status: 'redeemed', paidBy: 'cash' } });
    for (const code of taps.map(errorCode).filter(Boolean)) expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(code);
    const events = await db.ds.query("SELECT action, data FROM subject_events WHERE subject_kind = 'booking' AND subject_id = ? AND action = 'redeemed'", [
      booking.id,
    ]);
    expect(events).toHaveLength(1);
    expect(String(events[0].data)).toContain('按姓名核销');
    // The code of the same booking is now spent too: one redemption whichever way it came.
    expect(errorCode(await call('bookings', 'redeem', { centreId, code: booking.code }, as('care_staff')))).toBe('INVALID_TRANSITION');
    // Another centre's id, or someone who is not staff there, redeems nothing.
    const otherCentre = await orgId(db.ds, '内东街社区日间照料中心').catch(() => centreId + 1000);
    expect(errorCode(await call('bookings', 'redeemById', { centreId: otherCentre, bookingId: booking.id }, as('care_staff')))).toBe('FORBIDDEN');
    expect(errorCode(await call('bookings', 'redeemById', { centreId, bookingId: booking.id }, as('resident')))).toBe('FORBIDDEN');
    const roster = ok(await call('bookings', 'mealRoster', { centreId, q: '王淑珍' }, as('care_staff'))) as MealRosterDTO;
    expect(roster.sittings[0].people[0]).toMatchObject({ status: 'redeemed', statusLabel: '已用餐', paidBy: 'cash' });
  });

  it('the no-show timer marks only what nobody redeemed after the sitting; a meal redeemed by name counts for the subsidy exactly like one by code', async () => {
    const slot = await sitting(5);
    const byName = await book(slot.id, (await walkIn('赵秀兰')).id);
    const byCode = await book(slot.id, (await walkIn('钱淑英')).id);
    const missed = await book(slot.id, (await walkIn('孙玉梅')).id);
    const month = slot.day.slice(0, 7);
    const before = ok(await call('bookings', 'subsidyReport', { centreId, month }, as('care_staff')));
    toStart(slot);
    ok(await call('bookings', 'redeemById', { centreId, bookingId: byName.id }, as('care_staff')));
    ok(await call('bookings', 'redeem', { centreId, code: byCode.code }, as('care_staff')));
    // During and just after the sitting nothing is marked.
    clock.advance(Date.parse(slot.endsAt) - clock.now().getTime() + 30 * 60 * 1000);
    await tick();
    expect(await statusOf(missed.id)).toBe('booked');
    clock.advance(2 * HOUR);
    await tick();
    expect([await statusOf(byName.id), await statusOf(byCode.id), await statusOf(missed.id)]).toEqual(['redeemed', 'redeemed', 'no_show']);

    const after = ok(await call('bookings', 'subsidyReport', { centreId, month }, as('care_staff')));
    expect(after.total.meals - before.total.meals).toBe(2);
    expect(after.total.subsidyFen - before.total.subsidyFen).toBe(byName.price.subsidyFen! + byCode.price.subsidyFen!);
    const tier = (r: typeof after) => r.tiers.find((t) => t.tier === byName.price.tier)?.meals ?? 0;
    expect(tier(after) - tier(before)).toBe(2);
  });

  it('the round is grouped by the delivery address, not the household the elder is bound to; 已送达 records how the share was paid', async () => {
    const slot = await sitting(0, 5);
    const home = await homeOf(db.ds, 'resident');
    // Bound to a flat in one compound, fed at her old courtyard.
    const away = await walkIn('吴桂英', { householdId: home, address: '南街老院子5号' });
    const inCompound = await walkIn('郑德明', { address: '锦屏花园3栋1单元201' });
    const bAway = await book(slot.id, away.id, 'delivery');
    const bIn = await book(slot.id, inCompound.id, 'delivery');
    const list = ok(await call('bookings', 'deliveries', { slotId: slot.id }, as('care_staff'))) as DeliveryListDTO;
    const where = (id: number) => {
      for (const r of list.routes) for (const b of r.buildings) if (b.stops.some((s) => s.bookingId === id)) return `${r.compound}/${b.building}`;
      return null;
    };
    expect(where(bAway.id)).toBe('南街老院子/5号');
    expect(where(bIn.id)).toBe('锦屏花园/3栋');
    toStart(slot);
    const delivered = ok(await call('bookings', 'deliver', { bookingId: bIn.id, paidBy: 'wechat' }, as('care_staff')));
    expect(delivered).toMatchObject({ status: 'redeemed', paidBy: bIn.price.payFen ? 'wechat' : 'none' });
  });

  it('「不在家」 for an elder living alone: the booking ends through the machine, the log says why, and every staff member is alerted as urgent', async () => {
    const slot = await sitting(1, 5);
    const alone = await walkIn('冯秀珍', { livesAlone: true, address: '书院街8号' });
    const notAlone = await walkIn('陈国华', { address: '书院街9号' });
    const dineIn = await walkIn('褚玉芬');
    const bAlone = await book(slot.id, alone.id, 'delivery');
    const bNot = await book(slot.id, notAlone.id, 'delivery');
    const bDine = await book(slot.id, dineIn.id);
    toStart(slot);
    const [{ id: staffId }] = await db.ds.query('SELECT id FROM users WHERE openid = ?', [as('care_staff')]);
    const alertsBefore = Number((await db.ds.query('SELECT COUNT(*) AS n FROM notifications WHERE userId = ?', [staffId]))[0].n);

    expect(errorCode(await call('bookings', 'missDelivery', { bookingId: bAlone.id, reason: 'not_home' }, as('resident')))).toBe('NOT_FOUND');
    expect(errorCode(await call('bookings', 'missDelivery', { bookingId: bDine.id, reason: 'not_home' }, as('care_staff')))).toBe('INVALID_TRANSITION');
    const both = await Promise.all(
      [0, 1].map(() => call('bookings', 'missDelivery', { bookingId: bAlone.id, reason: 'not_home', note: '敲门无人应' }, as('care_staff'))),
    );
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => r.ok)).toMatchObject({ data: { status: 'no_show' } });
    ok(await call('bookings', 'missDelivery', { bookingId: bNot.id, reason: 'refused' }, as('care_staff')));

    const log = await db.ds.query(
      "SELECT action, from_status, to_status, data FROM subject_events WHERE subject_kind = 'booking' AND subject_id = ? ORDER BY id",
      [bAlone.id],
    );
    expect(log.at(-1)).toMatchObject({ action: 'delivery_missed', from_status: 'booked', to_status: 'no_show' });
    expect(String(log.at(-1).data)).toContain('不在家：敲门无人应');

    const alerts = await db.ds.query('SELECT title, body, subjectKind, subjectId FROM notifications WHERE userId = ? ORDER BY id', [staffId]);
    const fresh = alerts.slice(alertsBefore);
    expect(fresh).toHaveLength(2);
    expect(fresh[0]).toMatchObject({ subjectKind: 'booking', subjectId: bAlone.id });
    expect(fresh[0].title).toContain('紧急');
    expect(fresh[0].title).toContain('独居');
    expect(fresh[0].body).toContain('冯秀珍');
    expect(fresh[0].body).toContain('上门查看');
    expect(fresh[1].title).toBe('送餐拒收');
    expect(fresh[1].title).not.toContain('紧急');

    const list = ok(await call('bookings', 'deliveries', { slotId: slot.id }, as('care_staff'))) as DeliveryListDTO;
    const stops = list.routes.flatMap((r) => r.buildings.flatMap((b) => b.stops));
    expect(stops.find((s) => s.bookingId === bAlone.id)).toMatchObject({ status: 'no_show', missed: '不在家：敲门无人应', livesAlone: true });
    expect(stops.find((s) => s.bookingId === bNot.id)).toMatchObject({ missed: '拒收', livesAlone: false });
    const roster = ok(await call('bookings', 'mealRoster', { centreId }, as('care_staff'))) as MealRosterDTO;
    expect(roster.sittings[0].people.find((p) => p.bookingId === bAlone.id)?.statusLabel).toBe('未送达');
    // Missed, not eaten: after the sitting the timer leaves it alone, and it is never a delivered meal.
    expect(errorCode(await call('bookings', 'deliver', { bookingId: bAlone.id }, as('care_staff')))).toBe('INVALID_TRANSITION');
  });
});
