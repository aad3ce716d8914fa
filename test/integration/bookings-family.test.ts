import crypto from 'node:crypto';
import type { SlotDTO } from '@hg/types';
import { FUNCTIONS } from '../../cloud/src/app';
import { runAction } from '../../cloud/src/core/action';
import { clock } from '../../cloud/src/core/clock';
import { localPlatform } from '../../cloud/src/core/platform';
import { localDay, weekdayOf } from '@hg/types/local-time';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildLunch, call, errorCode, newcomer, ok, orgId } from '../factories';

jest.setTimeout(60_000);

const rid = () => crypto.randomBytes(9).toString('base64url');
const HOUR = 3600 * 1000;
const tick = () => runAction(FUNCTIONS.escalation, { action: 'tick' }, { openid: null, system: true }, localPlatform());

describe.each(DIALECTS)('family, standing orders, delivery and subsidies on %s', (dialect) => {
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

  let lastStart = 0;
  async function lunch(capacityDineIn: number, capacityDelivery: number): Promise<SlotDTO> {
    const startsAt = new Date(Math.max(clock.now().getTime(), lastStart + 24 * HOUR) + 6 * HOUR);
    lastStart = startsAt.getTime();
    return buildLunch(centreId, startsAt, { capacityDineIn, capacityDelivery });
  }

  it('a child in another city links to an elder once the centre verifies it, then books a delivered lunch for them', async () => {
    const elder = ok(
      await call(
        'bookings',
        'registerElder',
        { centreId, name: '陈阿婆', phone: '10000005678', birthYear: 1940, dibao: true, address: '锦屏花园2栋1单元302' },
        as('care_staff'),
      ),
    );
    const child = newcomer();
    const slot = await lunch(10, 10);
    // Not linked yet: the elder is invisible.
    expect(errorCode(await call('bookings', 'book', { slotId: slot.id, elderId: elder.id, mode: 'delivery', requestId: rid() }, child))).toBe('NOT_FOUND');
    // A wrong phone tail finds nothing (and says no more).
    expect(errorCode(await call('bookings', 'linkFamily', { centreId, elderName: '陈阿婆', phoneTail: '0000' }, child))).toBe('NOT_FOUND');
    const link = ok(await call('bookings', 'linkFamily', { centreId, elderName: '陈阿婆', phoneTail: '5678', relationNote: '女儿' }, child));
    expect(link).toMatchObject({ status: 'pending', elder: { name: '陈阿婆' } });
    expect(errorCode(await call('bookings', 'linkFamily', { centreId, elderName: '陈阿婆', phoneTail: '5678' }, child))).toBe('CONFLICT');
    // Pending is not enough.
    expect(errorCode(await call('bookings', 'book', { slotId: slot.id, elderId: elder.id, mode: 'delivery', requestId: rid() }, child))).toBe('NOT_FOUND');
    expect(errorCode(await call('bookings', 'decideLink', { linkId: link.id, approve: true }, as('resident')))).toBe('NOT_FOUND');
    const queue = ok(await call('bookings', 'linkQueue', { centreId }, as('care_staff')));
    expect(queue.map((l) => l.id)).toContain(link.id);
    // Two staff deciding at once: one decision.
    const decisions = await Promise.all([true, false].map((approve) => call('bookings', 'decideLink', { linkId: link.id, approve }, as('care_staff'))));
    expect(decisions.filter((d) => d.ok)).toHaveLength(1);
    const approved = decisions.find((d) => d.ok && d.data.status === 'verified');
    if (!approved) return; // the rejection won the race: nothing more to test here on this run
    expect(ok(await call('bookings', 'myLinks', {}, child))).toEqual([
      expect.objectContaining({ id: link.id, centreId, status: 'verified', elder: { id: elder.id, name: '陈阿婆' } }),
    ]);
    const booking = ok(await call('bookings', 'book', { slotId: slot.id, elderId: elder.id, mode: 'delivery', requestId: rid() }, child));
    // The family see the menu price; the subsidy (低保) is the elder's and the centre's business.
    expect(booking).toMatchObject({
      status: 'booked',
      channel: 'family',
      mode: 'delivery',
      price: { priceFen: 1200, subsidyFen: null, payFen: null, tier: null },
    });
    const [{ tier }] = await db.ds.query('SELECT tier FROM bookings WHERE id = ?', [booking.id]);
    expect(tier).toBe('dibao');
    // The family member sees it and may cancel it before the cut-off.
    expect(ok(await call('bookings', 'mine', {}, child)).items.map((b) => b.id)).toContain(booking.id);
  });

  it('a standing order books every matching published lunch, skips a full day once and tells the family', async () => {
    const elder = ok(await call('bookings', 'registerElder', { centreId, name: '刘大爷', phone: '10000004321', birthYear: 1938 }, as('care_staff')));
    const open = await lunch(10, 0);
    const full = await lunch(1, 0);
    // Someone else takes the only seat of the second day.
    const other = ok(await call('bookings', 'registerElder', { centreId, name: '孙奶奶', birthYear: 1944 }, as('care_staff')));
    ok(await call('bookings', 'book', { slotId: full.id, elderId: other.id, requestId: rid() }, as('care_staff')));

    const weekdays = [weekdayOf(open.day), weekdayOf(full.day)];
    const order = ok(await call('bookings', 'standingOrder', { elderId: elder.id, sitting: 'lunch', weekdays }, as('care_staff')));
    expect(order).toMatchObject({ status: 'active', missed: [full.day] });
    const told = await db.ds.query(
      "SELECT n.body FROM notifications n JOIN users u ON u.id = n.userId WHERE u.openid = ? AND n.title = '长期预订有一天未订上'",
      [as('care_staff')],
    );
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain(full.day);
    expect(errorCode(await call('bookings', 'standingOrder', { elderId: elder.id, sitting: 'lunch', weekdays: [1] }, as('care_staff')))).toBe('CONFLICT');
    const booked = await db.ds.query("SELECT slotId, channel FROM bookings WHERE elderId = ? AND status = 'booked'", [elder.id]);
    expect(booked).toEqual([{ slotId: open.id, channel: 'standing' }]);

    // The timer runs again: nothing twice, and the full day is not reported again.
    const before = Number((await db.ds.query('SELECT COUNT(*) AS n FROM notifications'))[0].n);
    await Promise.all([tick(), tick()]);
    expect(Number((await db.ds.query("SELECT COUNT(*) AS n FROM bookings WHERE elderId = ? AND status = 'booked'", [elder.id]))[0].n)).toBe(1);
    expect(Number((await db.ds.query('SELECT COUNT(*) AS n FROM notifications'))[0].n)).toBe(before);

    // A new sitting is published on a matching weekday: the next tick books it.
    const later = await lunch(10, 0);
    ok(await call('bookings', 'standingOrderStep', { orderId: order.id, step: 'pause' }, as('care_staff')));
    ok(await tick());
    const matches = weekdays.includes(weekdayOf(later.day));
    expect(Number((await db.ds.query('SELECT COUNT(*) AS n FROM bookings WHERE elderId = ? AND slotId = ?', [elder.id, later.id]))[0].n)).toBe(0);
    ok(await call('bookings', 'standingOrderStep', { orderId: order.id, step: 'resume' }, as('care_staff')));
    ok(await tick());
    expect(Number((await db.ds.query('SELECT COUNT(*) AS n FROM bookings WHERE elderId = ? AND slotId = ?', [elder.id, later.id]))[0].n)).toBe(matches ? 1 : 0);
    expect(errorCode(await call('bookings', 'standingOrderStep', { orderId: order.id, step: 'resume' }, as('care_staff')))).toBe('INVALID_TRANSITION');
    expect(errorCode(await call('bookings', 'standingOrderStep', { orderId: order.id, step: 'stop' }, as('resident2')))).toBe('NOT_FOUND');
  });

  it('the delivery list groups the round by compound and building, for centre staff only; the subsidy report counts meals taken', async () => {
    const me = ok(await call('bookings', 'registerElder', { centreId, birthYear: 1950, livesAlone: true, diets: ['低盐'] }, as('resident')));
    // 独居 as declared, then verified by the centre: only a verified status is claimed.
    ok(await call('bookings', 'verifyElder', { elderId: me.id }, as('care_staff')));
    const walkIn = ok(await call('bookings', 'registerElder', { centreId, name: '周爷爷', birthYear: 1936, address: '南街12号' }, as('care_staff')));
    const slot = await lunch(5, 5);
    const a = ok(await call('bookings', 'book', { slotId: slot.id, elderId: me.id, mode: 'delivery', requestId: rid() }, as('resident')));
    const b = ok(await call('bookings', 'book', { slotId: slot.id, elderId: walkIn.id, mode: 'delivery', requestId: rid() }, as('care_staff')));
    const list = ok(await call('bookings', 'deliveries', { slotId: slot.id }, as('care_staff')));
    expect(list.total).toBe(2);
    const compounds = list.routes.map((r) => r.compound);
    // Routes follow the delivery address (南街12号 → 南街 / 12号), not a catch-all 其他地址.
    expect(compounds).toEqual(expect.arrayContaining(['锦屏花园', '南街']));
    expect(list.routes.find((r) => r.compound === '南街')!.buildings[0].building).toBe('12号');
    const stop = list.routes.find((r) => r.compound === '锦屏花园')!.buildings[0].stops[0];
    expect(stop).toMatchObject({ bookingId: a.id, diets: ['低盐'] });
    expect(errorCode(await call('bookings', 'deliveries', { slotId: slot.id }, as('resident')))).toBe('FORBIDDEN');

    clock.advance(Date.parse(slot.startsAt) - clock.now().getTime());
    ok(await call('bookings', 'deliver', { bookingId: a.id }, as('care_staff')));
    ok(await call('bookings', 'deliver', { bookingId: b.id }, as('care_staff')));
    expect(errorCode(await call('bookings', 'deliver', { bookingId: b.id }, as('care_staff')))).toBe('INVALID_TRANSITION');
    const report = ok(await call('bookings', 'subsidyReport', { centreId, month: slot.day.slice(0, 7) }, as('community_staff')));
    expect(report.total.meals).toBeGreaterThanOrEqual(2);
    const byTier = Object.fromEntries(report.tiers.map((t) => [t.tier, t]));
    expect(byTier.age80.meals).toBeGreaterThanOrEqual(1);
    expect(byTier.alone.meals).toBeGreaterThanOrEqual(1);
    expect(errorCode(await call('bookings', 'subsidyReport', { centreId, month: slot.day.slice(0, 7) }, as('community_staff_nd')))).toBe('FORBIDDEN');
    expect(errorCode(await call('bookings', 'subsidyReport', { centreId, month: '2026-13' }, as('care_staff')))).toBe('INVALID_INPUT');
  });

  it('"same as last week" books next week\'s sittings in one tap, once however often it is tapped', async () => {
    const elder = ok(await call('bookings', 'registerElder', { centreId, name: '郑奶奶', birthYear: 1942, address: '南街老院子5号' }, as('care_staff')));
    const before = await lunch(5, 5);
    ok(await call('bookings', 'book', { slotId: before.id, elderId: elder.id, mode: 'delivery', requestId: rid() }, as('care_staff')));
    const startsAt = new Date(Date.parse(before.startsAt) + 7 * 24 * HOUR);
    const next = ok(
      await call(
        'bookings',
        'saveSlot',
        {
          centreId,
          kind: 'meal',
          day: localDay(startsAt),
          sitting: 'lunch',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
          cutoffAt: new Date(startsAt.getTime() - HOUR).toISOString(),
          capacityDineIn: 5,
          capacityDelivery: 5,
          priceFen: 1200,
        },
        as('care_staff'),
      ),
    );
    lastStart = startsAt.getTime();
    clock.advance(Date.parse(before.startsAt) + 24 * HOUR - clock.now().getTime());
    const taps = await Promise.all([0, 1].map(() => call('bookings', 'repeatWeek', { elderId: elder.id }, as('care_staff'))));
    for (const t of taps) expect(ok(t).booked.map((b) => [b.slotId, b.mode])).toEqual([[next.id, 'delivery']]);
    expect(Number((await db.ds.query('SELECT COUNT(*) AS n FROM bookings WHERE elderId = ? AND slotId = ?', [elder.id, next.id]))[0].n)).toBe(1);
    expect(errorCode(await call('bookings', 'repeatWeek', { elderId: elder.id }, as('resident2')))).toBe('NOT_FOUND');
  });
});
