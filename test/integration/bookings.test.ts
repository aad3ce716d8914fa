import crypto from 'node:crypto';
import type { BookingDTO, SlotDTO } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { localDay } from '@hg/types/local-time';
import { FUNCTIONS } from '../../cloud/src/app';
import { runAction } from '../../cloud/src/core/action';
import { localPlatform } from '../../cloud/src/core/platform';
import { createTestDb, DIALECTS, snapshotCounts, ALL_TABLES, type TestDb } from '../db';
import { as, buildLunch, call, callRaw, errorCode, newcomer, ok, orgId } from '../factories';

jest.setTimeout(120_000);

const rid = () => crypto.randomBytes(9).toString('base64url');
const HOUR = 3600 * 1000;

describe.each(DIALECTS)('centre bookings on %s', (dialect) => {
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

  /**
   * A meal sitting through the real action, each on a day of its own (a centre has one lunch a day),
   * starting `inHours` after the start of that day's offset, with a cut-off an hour before.
   */
  let lastStart = 0;
  async function sitting(capacityDineIn: number, capacityDelivery = 0, inHours = 6): Promise<SlotDTO> {
    // The day after the last sitting's, or later: never two lunches on one day.
    const startsAt = new Date(Math.max(clock.now().getTime(), lastStart + 24 * HOUR) + inHours * HOUR);
    lastStart = startsAt.getTime();
    return buildLunch(centreId, startsAt, {
      capacityDineIn,
      capacityDelivery,
      dishes: [
        { name: '番茄炒蛋', tags: ['软烂'] },
        { name: '冬瓜排骨汤', tags: ['低盐'] },
      ],
    });
  }

  /** A walk-in elder registered by centre staff (no account). */
  async function walkIn(name = `老人${crypto.randomBytes(2).toString('hex')}`, birthYear = 1945) {
    return ok(await call('bookings', 'registerElder', { centreId, name, birthYear, livesAlone: true, address: '锦屏花园1栋1单元101' }, as('care_staff')));
  }

  /** Many walk-in elders at once, for the rush (rows as registration leaves them). */
  async function manyElders(n: number): Promise<number[]> {
    const [c] = await db.ds.query('SELECT communityId FROM organisations WHERE id = ?', [centreId]);
    const [s] = await db.ds.query('SELECT streetId FROM communities WHERE id = ?', [c.communityId]);
    const ids: number[] = [];
    for (let i = 0; i < n; i += 200) {
      const rows = Array.from({ length: Math.min(200, n - i) }, (_, k) => [
        centreId,
        s.streetId,
        c.communityId,
        `排队${i + k}`,
        1940,
        '',
        '',
        0,
        '2026-01-01 00:00:00.000',
      ]);
      await db.ds.query(
        `INSERT INTO elders (centreId, streetId, communityId, name, birthYear, address, diets, createdById, createdAt, allergies, livesAlone, dibao) VALUES ${rows.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0, 0)").join(', ')}`,
        rows.flat(),
      );
    }
    const got = await db.ds.query("SELECT id FROM elders WHERE name LIKE '排队%' ORDER BY id DESC LIMIT ?", [n]);
    ids.push(...got.map((r: { id: number }) => Number(r.id)));
    return ids;
  }

  const held = async (slotId: number) => {
    const [row] = await db.ds.query('SELECT heldDineIn, heldDelivery FROM booking_slots WHERE id = ?', [slotId]);
    const [live] = await db.ds.query("SELECT COUNT(*) AS n FROM bookings WHERE slotId = ? AND status IN ('booked','offered','redeemed','no_show')", [slotId]);
    return { counter: Number(row.heldDineIn) + Number(row.heldDelivery), seats: Number(live.n) };
  };

  it('the rush: many more people than seats book at once — every seat is taken, never one more, and the counter equals the bookings', async () => {
    const seats = dialect === 'mysql' ? 300 : 40;
    const people = dialect === 'mysql' ? 2000 : 160;
    const slot = await sitting(seats);
    const elders = await manyElders(people);
    const results = await Promise.all(
      elders.map((elderId) => call('bookings', 'book', { slotId: slot.id, elderId, mode: 'dine_in', requestId: rid() }, as('care_staff'))),
    );
    const booked = results.filter((r) => r.ok);
    expect(booked).toHaveLength(seats);
    expect(new Set(results.filter((r) => !r.ok).map(errorCode))).toEqual(new Set(['CAPACITY_FULL']));
    expect(await held(slot.id)).toEqual({ counter: seats, seats });
    const codes = booked.map((r) => (r.ok ? r.data.code : ''));
    expect(new Set(codes).size).toBe(seats);
  });

  it('the last seat is bookable, and a waitlist place becomes an offered seat when someone cancels', async () => {
    const slot = await sitting(2);
    const [a, b, c] = [await walkIn('甲'), await walkIn('乙'), await walkIn('丙')];
    const first = ok(await call('bookings', 'book', { slotId: slot.id, elderId: a.id, requestId: rid() }, as('care_staff')));
    ok(await call('bookings', 'book', { slotId: slot.id, elderId: b.id, requestId: rid() }, as('care_staff')));
    expect(errorCode(await call('bookings', 'book', { slotId: slot.id, elderId: c.id, requestId: rid() }, as('care_staff')))).toBe('CAPACITY_FULL');
    const waiting = ok(await call('bookings', 'book', { slotId: slot.id, elderId: c.id, requestId: rid(), waitlist: true }, as('care_staff')));
    expect(waiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await held(slot.id)).toEqual({ counter: 2, seats: 2 });

    ok(await call('bookings', 'cancel', { bookingId: first.id }, as('care_staff')));
    // The seat passed to 丙 (held for them, to confirm), not back to the slot.
    expect(await held(slot.id)).toEqual({ counter: 2, seats: 2 });
    const [offered] = (ok(await call('bookings', 'mine', { status: 'offered' }, as('care_staff'))).items as BookingDTO[]).filter((x) => x.id === waiting.id);
    expect(offered).toMatchObject({ status: 'offered' });
    expect(offered.can).toContain('confirm');
    expect(ok(await call('bookings', 'confirm', { bookingId: waiting.id }, as('care_staff')))).toMatchObject({ status: 'booked' });
    // 甲 may book again after cancelling (the live-booking key was released) — into the waitlist.
    expect(ok(await call('bookings', 'book', { slotId: slot.id, elderId: a.id, requestId: rid(), waitlist: true }, as('care_staff')))).toMatchObject({
      status: 'waitlisted',
    });
  });

  it('waitlist positions count per slot in the order people joined, for a whole page at once', async () => {
    const [full, other] = [await sitting(1), await sitting(1)];
    const people = [await walkIn('戊'), await walkIn('己'), await walkIn('庚'), await walkIn('辛'), await walkIn('壬')];
    ok(await call('bookings', 'book', { slotId: full.id, elderId: people[0].id, requestId: rid() }, as('care_staff')));
    ok(await call('bookings', 'book', { slotId: other.id, elderId: people[4].id, requestId: rid() }, as('care_staff')));
    const joined = [];
    for (const [slot, elder] of [
      [full, people[1]],
      [other, people[2]],
      [full, people[2]],
      [full, people[3]],
    ] as const)
      joined.push(ok(await call('bookings', 'book', { slotId: slot.id, elderId: elder.id, requestId: rid(), waitlist: true }, as('care_staff'))));
    const listed = new Map(
      (ok(await call('bookings', 'mine', { status: 'waitlisted', limit: 100 }, as('care_staff'))).items as BookingDTO[]).map((b) => [b.id, b]),
    );
    expect(joined.map((b) => listed.get(b.id)?.waitlistPosition)).toEqual([1, 1, 2, 3]);
  });

  it('the same request sent five times books once; one elder cannot hold two bookings of one slot', async () => {
    const slot = await sitting(10);
    const elder = await walkIn();
    const requestId = rid();
    const same = await Promise.all(
      Array.from({ length: 5 }, () => call('bookings', 'book', { slotId: slot.id, elderId: elder.id, requestId }, as('care_staff'))),
    );
    expect(same.every((r) => r.ok)).toBe(true);
    expect(new Set(same.map((r) => (r.ok ? r.data.id : 0))).size).toBe(1);
    const other = await Promise.all(
      Array.from({ length: 5 }, () => call('bookings', 'book', { slotId: slot.id, elderId: elder.id, requestId: rid() }, as('care_staff'))),
    );
    expect(new Set(other.map(errorCode))).toEqual(new Set(['CONFLICT']));
    expect(await held(slot.id)).toEqual({ counter: 1, seats: 1 });
  });

  it('delivery and dine-in have their own seats; a slot without delivery refuses it', async () => {
    const slot = await sitting(1, 1);
    const [a, b] = [await walkIn(), await walkIn()];
    ok(await call('bookings', 'book', { slotId: slot.id, elderId: a.id, mode: 'delivery', requestId: rid() }, as('care_staff')));
    ok(await call('bookings', 'book', { slotId: slot.id, elderId: b.id, mode: 'dine_in', requestId: rid() }, as('care_staff')));
    const noDelivery = await sitting(5, 0);
    const res = await call('bookings', 'book', { slotId: noDelivery.id, elderId: a.id, mode: 'delivery', requestId: rid() }, as('care_staff'));
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'mode' } } });
  });

  it('the counter redeems a code exactly once, on the day; two counters at once give one success', async () => {
    const slot = await sitting(5, 0, 3);
    const elder = await walkIn();
    const booking = ok(await call('bookings', 'book', { slotId: slot.id, elderId: elder.id, requestId: rid() }, as('care_staff')));
    expect(booking.price).toEqual({ priceFen: 1200, subsidyFen: 400, payFen: 800, tier: 'age80' });
    const toStart = () => clock.advance(Date.parse(slot.startsAt) - clock.now().getTime());
    toStart();
    const both = await Promise.all(
      [0, 1].map(() => call('bookings', 'redeem', { centreId, code: booking.code.toLowerCase(), paidBy: 'wechat' }, as('care_staff'))),
    );
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => r.ok)).toMatchObject({ data: { status: 'redeemed', paidBy: 'wechat' } });
    expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(both.map(errorCode).find(Boolean));
    expect(errorCode(await call('bookings', 'redeem', { centreId, code: booking.code }, as('care_staff')))).toBe('INVALID_TRANSITION');
    const [{ n }] = await db.ds.query("SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'booking' AND subject_id = ? AND action = 'redeemed'", [
      booking.id,
    ]);
    expect(Number(n)).toBe(1);
    expect(errorCode(await call('bookings', 'redeem', { centreId, code: 'ZZZZZZ' }, as('care_staff')))).toBe('NOT_FOUND');
    expect(errorCode(await call('bookings', 'redeem', { centreId, code: booking.code }, as('resident')))).toBe('FORBIDDEN');
  });

  it('after the cut-off a booking can be neither made nor cancelled', async () => {
    const slot = await sitting(5, 0, 2);
    const elder = await walkIn();
    const booking = ok(await call('bookings', 'book', { slotId: slot.id, elderId: elder.id, requestId: rid() }, as('care_staff')));
    clock.advance(Date.parse(slot.cutoffAt) - clock.now().getTime() + 30 * 60 * 1000);
    expect(errorCode(await call('bookings', 'cancel', { bookingId: booking.id }, as('care_staff')))).toBe('INVALID_TRANSITION');
    expect(errorCode(await call('bookings', 'book', { slotId: slot.id, elderId: (await walkIn()).id, requestId: rid() }, as('care_staff')))).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('an elder books for themselves; strangers cannot book for them or see their booking', async () => {
    const me = ok(await call('bookings', 'registerElder', { centreId, birthYear: 1951, diets: ['低盐'] }, as('resident')));
    expect(me).toMatchObject({ name: '王秀兰', hasAccount: true, diets: ['低盐'] });
    expect(errorCode(await call('bookings', 'registerElder', { centreId, birthYear: 1951 }, as('resident')))).toBe('CONFLICT');
    const slot = await sitting(5);
    const mine = ok(await call('bookings', 'book', { slotId: slot.id, elderId: me.id, requestId: rid() }, as('resident')));
    expect(mine).toMatchObject({ status: 'booked', channel: 'self' });
    expect(errorCode(await call('bookings', 'book', { slotId: slot.id, elderId: me.id, requestId: rid() }, as('resident2')))).toBe('NOT_FOUND');
    expect(errorCode(await call('bookings', 'cancel', { bookingId: mine.id }, as('resident2')))).toBe('NOT_FOUND');
    expect(errorCode(await call('bookings', 'cancel', { bookingId: mine.id }, newcomer()))).toBe('NOT_FOUND');
    // Too young, and registering someone else without being staff.
    expect(errorCode(await call('bookings', 'registerElder', { centreId, birthYear: 1990 }, as('resident2')))).toBe('INVALID_INPUT');
    expect(errorCode(await call('bookings', 'registerElder', { centreId, name: '别人', birthYear: 1940 }, as('resident2')))).toBe('FORBIDDEN');
  });

  it('bad input is refused with the field named, and nothing is written', async () => {
    const slot = await sitting(5);
    const elder = await walkIn();
    const before = await snapshotCounts(
      db.ds,
      ALL_TABLES.filter((t) => t !== 'usage_counters'),
    );
    const cases: [Record<string, unknown>, string][] = [
      [{ slotId: 'x', elderId: elder.id, requestId: rid() }, 'slotId'],
      [{ slotId: slot.id, elderId: elder.id, requestId: 'short' }, 'requestId'],
      [{ slotId: slot.id, elderId: elder.id, requestId: rid(), mode: 'takeaway' }, 'mode'],
      [{ slotId: slot.id, elderId: elder.id, requestId: rid(), extra: 1 }, 'extra'],
    ];
    for (const [input, field] of cases) {
      expect(await callRaw('bookings', 'book', input, as('care_staff'))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field } } });
    }
    const past = new Date(clock.now().getTime() - 48 * HOUR);
    const far = '9999-12-31T00:00:00.000Z';
    for (const startsAt of [past.toISOString(), far]) {
      const res = await callRaw(
        'bookings',
        'saveSlot',
        { centreId, kind: 'meal', day: startsAt.slice(0, 10), sitting: 'lunch', startsAt, endsAt: startsAt, cutoffAt: startsAt, capacityDineIn: 1 },
        as('care_staff'),
      );
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(errorCode(await call('bookings', 'book', { slotId: 999999, elderId: elder.id, requestId: rid() }, as('care_staff')))).toBe('NOT_FOUND');
    expect(
      await snapshotCounts(
        db.ds,
        ALL_TABLES.filter((t) => t !== 'usage_counters'),
      ),
    ).toEqual(before);
  });

  it('the timer hands a lapsed offer to the next in line and marks no-shows after the sitting', async () => {
    const slot = await sitting(1, 0, 4);
    const [a, b, c] = [await walkIn(), await walkIn(), await walkIn()];
    const first = ok(await call('bookings', 'book', { slotId: slot.id, elderId: a.id, requestId: rid() }, as('care_staff')));
    const second = ok(await call('bookings', 'book', { slotId: slot.id, elderId: b.id, requestId: rid(), waitlist: true }, as('care_staff')));
    const third = ok(await call('bookings', 'book', { slotId: slot.id, elderId: c.id, requestId: rid(), waitlist: true }, as('care_staff')));
    ok(await call('bookings', 'cancel', { bookingId: first.id }, as('care_staff')));
    clock.advance(121 * 60 * 1000); // the offer window: 2 hours by default (city settings)
    const tick = () => runAction(FUNCTIONS.escalation, { action: 'tick' }, { openid: null, system: true }, localPlatform());
    expect(ok(await tick())).toMatchObject({ offersExpired: 1 });
    const statuses = async () =>
      Object.fromEntries(
        (await db.ds.query('SELECT id, status FROM bookings WHERE slotId = ?', [slot.id])).map((r: { id: number; status: string }) => [Number(r.id), r.status]),
      );
    expect(await statuses()).toMatchObject({ [second.id]: 'expired', [third.id]: 'offered' });
    ok(await call('bookings', 'confirm', { bookingId: third.id }, as('care_staff')));
    clock.advance(Date.parse(slot.endsAt) - clock.now().getTime() + 2 * HOUR);
    expect((ok(await tick()) as Record<string, number>).noShows).toBeGreaterThanOrEqual(1);
    expect(await statuses()).toMatchObject({ [third.id]: 'no_show' });
    expect(await held(slot.id)).toEqual({ counter: 1, seats: 1 });
  });

  it('rooms and consultations run on the same engine: booking opens at its time, and a weekly quota holds under parallel taps', async () => {
    const base = Math.max(clock.now().getTime(), lastStart) + 2 * 24 * HOUR;
    lastStart = base + 24 * HOUR;
    const consult = async (offsetHours: number, opensInHours?: number) => {
      const startsAt = new Date(base + offsetHours * HOUR);
      return ok(
        await call(
          'bookings',
          'saveSlot',
          {
            centreId,
            kind: 'consult',
            day: localDay(startsAt),
            title: '健康咨询',
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + HOUR / 2).toISOString(),
            cutoffAt: new Date(startsAt.getTime() - HOUR).toISOString(),
            capacityDineIn: 4,
            quotaPerWeek: 1,
            ...(opensInHours !== undefined ? { opensAt: new Date(clock.now().getTime() + opensInHours * HOUR).toISOString() } : {}),
          },
          as('care_staff'),
        ),
      );
    };
    const a = await consult(2);
    const b = await consult(3);
    const elder = await walkIn();
    const both = await Promise.all([a, b].map((slot) => call('bookings', 'book', { slotId: slot.id, elderId: elder.id, requestId: rid() }, as('care_staff'))));
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.map(errorCode).filter(Boolean)).toEqual(['RATE_LIMITED']);
    // A room slot may not offer delivery.
    expect(
      errorCode(await call('bookings', 'book', { slotId: a.id, elderId: (await walkIn()).id, mode: 'delivery', requestId: rid() }, as('care_staff'))),
    ).toBe('INVALID_INPUT');

    const later = await consult(4, 1);
    expect(later.open).toBe(false);
    const other = await walkIn();
    expect(errorCode(await call('bookings', 'book', { slotId: later.id, elderId: other.id, requestId: rid() }, as('care_staff')))).toBe('INVALID_TRANSITION');
    clock.advance(HOUR + 60_000);
    expect(ok(await call('bookings', 'book', { slotId: later.id, elderId: other.id, requestId: rid() }, as('care_staff')))).toMatchObject({ status: 'booked' });
  });
});
