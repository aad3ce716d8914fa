import crypto from 'node:crypto';
import type { BookingDTO, Page, ReservationDTO } from '@hg/types';
import { localDay } from '@hg/types/local-time';
import { clock } from '../../cloud/src/core/clock';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildLunch, buildResident, call, errorCode, ok, orgId } from '../factories';

jest.setTimeout(120_000);

const rid = () => crypto.randomBytes(9).toString('base64url');
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/**
 * 我的订餐 (`mine`) and 我的预约 (`myReservations`) page upcoming first across pages: every live
 * booking from today on, nearest first, before any past one, latest first — whatever page size,
 * and whichever page the phase changes on.
 */
describe.each(DIALECTS)('my bookings and reservations, upcoming first across pages (%s)', (dialect) => {
  let db: TestDb;
  let centreId: number;
  /** Day n from the test's start, 11:30 Beijing time. */
  let start: number;
  const at = (n: number) => new Date(`${localDay(new Date(start + n * DAY))}T11:30:00.000+08:00`);

  beforeAll(async () => {
    db = await createTestDb(dialect);
    centreId = await orgId(db.ds, '南街社区日间照料中心');
    start = clock.now().getTime() + 10 * DAY;
  });
  afterEach(() => clock.reset());
  afterAll(() => db.drop());

  /** Every page of a list, `limit` at a time, and the cursors it went through. */
  async function walk<T extends { id: number }>(page: (cursor?: string) => Promise<Page<T>>): Promise<{ items: T[]; pages: number[][] }> {
    const items: T[] = [];
    const pages: number[][] = [];
    let cursor: string | undefined;
    do {
      const p = await page(cursor);
      items.push(...p.items);
      pages.push(p.items.map((x) => x.id));
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(items.map((x) => x.id)).size).toBe(items.length);
    return { items, pages };
  }

  it('我的订餐: live meals from today on come first, nearest first, then the rest, latest first', async () => {
    const resident = await buildResident(db.ds, { name: '周桂兰' });
    const elder = ok(await call('bookings', 'registerElder', { centreId, birthYear: 1950 }, resident.openid));
    const lunches = [];
    for (let n = 1; n <= 6; n++) lunches.push(await buildLunch(centreId, at(n), { capacityDineIn: 1 }));
    // She books days 1, 2, 3 and 5 herself; the centre books days 4 and 6 for her (the other branch).
    const byDay = new Map<number, BookingDTO>();
    for (const n of [1, 2, 3, 5])
      byDay.set(n, ok(await call('bookings', 'book', { slotId: lunches[n - 1].id, elderId: elder.id, requestId: rid() }, resident.openid)));
    for (const n of [4, 6])
      byDay.set(n, ok(await call('bookings', 'book', { slotId: lunches[n - 1].id, elderId: elder.id, requestId: rid() }, as('care_staff'))));
    ok(await call('bookings', 'cancel', { bookingId: byDay.get(5)!.id }, resident.openid));
    // Day 3's morning: days 1 and 2 are over; day 3's lunch is today's and stays ahead all day.
    clock.advance(at(3).getTime() - 3 * HOUR - clock.now().getTime());
    const id = (...days: number[]) => days.map((n) => byDay.get(n)!.id);
    const upcoming = id(3, 4, 6);
    const past = id(5, 2, 1);

    for (const limit of [1, 2, 3, 4, 20]) {
      const { items, pages } = await walk((cursor) => call('bookings', 'mine', { limit, ...(cursor ? { cursor } : {}) }, resident.openid).then(ok));
      expect(items.map((b) => b.id)).toEqual([...upcoming, ...past]);
      expect(pages.every((p) => p.length <= limit)).toBe(true);
    }
    // Page by page at two a page: the phase changes in the middle of the second page.
    const two = await walk((cursor) => call('bookings', 'mine', { limit: 2, ...(cursor ? { cursor } : {}) }, resident.openid).then(ok));
    expect(two.pages).toEqual([id(3, 4), id(6, 5), id(2, 1)]);
    // The status filter keeps the order within what it lets through.
    const booked = await walk((cursor) => call('bookings', 'mine', { status: 'booked', limit: 1, ...(cursor ? { cursor } : {}) }, resident.openid).then(ok));
    expect(booked.items.map((b) => b.id)).toEqual(id(3, 4, 6, 2, 1));
    // The centre sees the two it placed in the same order, among its own.
    const staff = await walk((cursor) => call('bookings', 'mine', { limit: 50, ...(cursor ? { cursor } : {}) }, as('care_staff')).then(ok));
    const staffIds = staff.items.map((b) => b.id);
    expect(staffIds.indexOf(byDay.get(4)!.id)).toBeLessThan(staffIds.indexOf(byDay.get(6)!.id));
    expect(errorCode(await call('bookings', 'mine', { cursor: 'bm90IGEgY3Vyc29y' }, resident.openid))).toBe('INVALID_INPUT');
  });

  it('我的预约: live reservations from today on come first, nearest first, then the rest, latest first', async () => {
    const resident = await buildResident(db.ds, { name: '吴志刚' });
    const other = await buildResident(db.ds);
    const slots = [];
    for (let n = 1; n <= 6; n++) {
      const startsAt = at(n);
      slots.push(
        ok(
          await call(
            'bookings',
            'publishSlot',
            {
              centreId,
              kind: n % 2 ? 'room' : 'consult',
              title: `第${n}天`,
              startsAt: startsAt.toISOString(),
              endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
              cutoffAt: new Date(startsAt.getTime() - HOUR).toISOString(),
              capacity: 1,
            },
            as('care_staff'),
          ),
        ),
      );
    }
    // Day 6 is full: he waits in line for it (a place in line is ahead of him too).
    ok(await call('bookings', 'reserve', { slotId: slots[5].id, requestId: rid() }, other.openid));
    const byDay = new Map<number, ReservationDTO>();
    for (const n of [1, 2, 3, 4, 5]) byDay.set(n, ok(await call('bookings', 'reserve', { slotId: slots[n - 1].id, requestId: rid() }, resident.openid)));
    byDay.set(6, ok(await call('bookings', 'reserve', { slotId: slots[5].id, requestId: rid(), waitlist: true }, resident.openid)));
    ok(await call('bookings', 'cancelReservation', { reservationId: byDay.get(4)!.id }, resident.openid));
    clock.advance(at(3).getTime() - 3 * HOUR - clock.now().getTime());
    const id = (...days: number[]) => days.map((n) => byDay.get(n)!.id);

    const two = await walk((cursor) => call('bookings', 'myReservations', { limit: 2, ...(cursor ? { cursor } : {}) }, resident.openid).then(ok));
    expect(two.pages).toEqual([id(3, 5), id(6, 4), id(2, 1)]);
    expect(two.items.map((r) => r.status)).toEqual(['booked', 'booked', 'waitlisted', 'cancelled', 'booked', 'booked']);
    for (const limit of [1, 3, 5, 20]) {
      const { items } = await walk((cursor) => call('bookings', 'myReservations', { limit, ...(cursor ? { cursor } : {}) }, resident.openid).then(ok));
      expect(items.map((r) => r.id)).toEqual(id(3, 5, 6, 4, 2, 1));
    }
    // The other resident sees only his own.
    expect(ok(await call('bookings', 'myReservations', {}, other.openid)).items.map((r) => r.slotId)).toEqual([slots[5].id]);
  });
});
