import crypto from 'node:crypto';
import type { SlotDTO } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { Booking } from '../../cloud/src/modules/bookings/booking.entity';
import { Slot } from '../../cloud/src/modules/bookings/slot.entity';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildLunch, call, errorCode, ok, orgId } from '../factories';
import { readXlsx as readSheet } from '../xlsx';

jest.setTimeout(120_000);

/** The first sheet of an export, as a spreadsheet program reads it (the sheet is the month's 助餐补贴). */
function readXlsx(base64: string): (string | number | null)[][] {
  const { sheet, rows } = readSheet(new Uint8Array(Buffer.from(base64, 'base64')));
  expect(sheet).toMatch(/助餐补贴$/);
  return rows;
}

/** Issue 15, item 7: the subsidy report counts meals only, adds up, has per-elder detail, exports, rolls up. */
describe.each(DIALECTS)('subsidy report on %s', (dialect) => {
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

  const rid = () => crypto.randomBytes(9).toString('base64url');
  const staff = as('care_staff');
  const walkIn = async (name: string, birthYear: number) => ok(await call('bookings', 'registerElder', { centreId, name, birthYear }, staff));
  const book = (slot: SlotDTO, elderId: number, waitlist = false) => call('bookings', 'book', { slotId: slot.id, elderId, requestId: rid(), waitlist }, staff);

  it('a month of mixed bookings: only meals eaten count, and every way of adding it up agrees — on screen and in the spreadsheet', async () => {
    const start = new Date(Date.now() + 30 * 3600 * 1000);
    const lunch = await buildLunch(centreId, start, { capacityDineIn: 3, capacityDelivery: 0 });
    const room = await buildLunch(centreId, new Date(start.getTime() + 24 * 3600 * 1000), { capacityDineIn: 5, capacityDelivery: 0 });
    const month = lunch.day.slice(0, 7);
    const before = ok(await call('bookings', 'subsidyReport', { centreId, month }, staff));

    const eaten = await walkIn('甘秀英', 1938); // 80+: subsidised
    const young = await walkIn('甘建国', 1960); // under the 高龄 age: full price
    const cancelled = await walkIn('甘桂花', 1940);
    const noShow = await walkIn('甘玉珍', 1941);
    const waiting = await walkIn('甘淑芬', 1942);
    const a = ok(await book(lunch, eaten.id));
    const b = ok(await book(lunch, young.id));
    const c = ok(await book(lunch, cancelled.id));
    ok(await call('bookings', 'cancel', { bookingId: c.id }, staff));
    const d = ok(await book(lunch, noShow.id));
    expect(ok(await book(lunch, waiting.id, true)).status).toBe('waitlisted');
    // The same elder eats in a room slot (an activity-room booking is not a meal): never counted.
    const r = ok(await book(room, eaten.id));
    await db.ds.getRepository(Slot).update(room.id, { kind: 'room' });

    clock.advance(Date.parse(lunch.startsAt) - clock.now().getTime() + 60_000);
    ok(await call('bookings', 'redeem', { centreId, code: a.code }, staff));
    ok(await call('bookings', 'redeemById', { centreId, bookingId: b.id, paidBy: 'cash' }, staff));
    await db.ds.getRepository(Booking).update(d.id, { status: 'no_show' }); // as the no-show timer leaves it
    await db.ds.getRepository(Booking).update(r.id, { status: 'redeemed', redeemedAt: clock.now() });

    const report = ok(await call('bookings', 'subsidyReport', { centreId, month }, staff));
    const mine = report.elders.filter((e) => e.name.startsWith('甘'));
    expect(mine).toEqual([
      { elderId: young.id, name: '甘建国', centre: '南街社区日间照料中心', tierLabel: null, meals: 1, subsidyFen: 0, payFen: b.price.payFen },
      { elderId: eaten.id, name: '甘秀英', centre: '南街社区日间照料中心', tierLabel: '80岁以上', meals: 1, subsidyFen: 400, payFen: a.price.payFen },
    ]);
    expect(report.total.meals - before.total.meals).toBe(2);
    expect(report.total.subsidyFen - before.total.subsidyFen).toBe(400);
    // It adds up, every way round.
    const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);
    expect(sum(report.tiers, (t) => t.meals) + report.unverified.meals + report.noSubsidy.meals).toBe(report.total.meals);
    expect(sum(report.tiers, (t) => t.subsidyFen)).toBe(report.total.subsidyFen);
    for (const key of ['meals', 'subsidyFen', 'payFen'] as const) {
      expect(sum(report.elders, (e) => e[key])).toBe(report.total[key]);
      expect(sum(report.centres, (c) => c[key])).toBe(report.total[key]);
    }
    expect(sum(report.paid, (p) => p.payFen)).toBe(report.total.payFen);

    // The export, read back as a spreadsheet: one row per elder, and a 合计 row that is their sum.
    const file = ok(await call('bookings', 'exportSubsidyReport', { centreId, month }, staff));
    expect(file.filename).toBe(`南街社区日间照料中心助餐补贴_${month}.xlsx`);
    const rows = readXlsx(file.base64!);
    expect(rows[0]).toEqual(['日间照料中心', '老人', '补贴类别', '用餐次数', '补贴金额（元）', '自付金额（元）']);
    expect(rows).toContainEqual(['南街社区日间照料中心', '甘秀英', '80岁以上', 1, 4, a.price.payFen! / 100]);
    expect(rows).toContainEqual(['南街社区日间照料中心', '甘建国', '无', 1, 0, b.price.payFen! / 100]);
    const body = rows.slice(1, -1);
    const totalRow = rows[rows.length - 1];
    expect(totalRow[0]).toBe('合计');
    expect(body).toHaveLength(report.elders.length);
    for (const col of [3, 4, 5]) expect(Math.round(sum(body, (row) => Number(row[col])) * 100)).toBe(Math.round(Number(totalRow[col]) * 100));
    expect(totalRow.slice(3)).toEqual([report.total.meals, report.total.subsidyFen / 100, report.total.payFen / 100]);
  });

  it('rolls up across the centres in a community / street staff scope, with names masked; others are refused', async () => {
    const month = ok(await call('bookings', 'subsidyReport', { centreId, month: '2030-01' }, staff)).month;
    for (const who of ['community_staff', 'street_staff']) {
      const roll = ok(await call('bookings', 'subsidyReport', { month }, as(who)));
      expect(roll.centre).toBeNull();
      expect(roll.centres.map((c) => c.name)).toContain('南街社区日间照料中心');
      expect(roll.scopeLabel).toMatch(/^辖区 \d+ 个日间照料中心$/);
    }
    const clockMonth = clock.now();
    const m = `${clockMonth.getFullYear()}-${String(clockMonth.getMonth() + 1).padStart(2, '0')}`;
    const roll = ok(await call('bookings', 'subsidyReport', { month: m }, as('community_staff')));
    for (const e of roll.elders) expect(e.name).toMatch(/^.\*+$/);
    expect(errorCode(await call('bookings', 'subsidyReport', { month }, staff))).toBe('FORBIDDEN');
    expect(errorCode(await call('bookings', 'subsidyReport', { month }, as('resident')))).toBe('FORBIDDEN');
    expect(errorCode(await call('bookings', 'exportSubsidyReport', { month }, as('grid_worker')))).toBe('FORBIDDEN');
  });
});
