import { MealsOnSlotEngine1766102400000 } from '../../cloud/src/modules/bookings/migrations/1766102400000-MealsOnSlotEngine';
import crypto from 'node:crypto';
import { clock } from '../../cloud/src/core/clock';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, buildLunch, call, ok, orgId } from '../factories';

jest.setTimeout(120_000);

type Row = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const json = (v: unknown) => (v ? JSON.parse(String(v)) : null);
const at = '2026-12-01 08:00:00.000';

/**
 * The migration that moves the meal programme onto the slot engine: booking_slots → slots +
 * slot_pools + meal_sittings, bookings → slot_bookings + meal_bookings, the subject log and
 * messages re-pointed. Run directly on a migrated, seeded database (the demo's meal week, its
 * venue slots and reservation already on the engine) with extra rows for every status and event
 * kind, on both dialects: up keeps every fact under the engine's names, down gives them back.
 */
describe.each(DIALECTS)('the MealsOnSlotEngine migration on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('moves meal sittings and bookings onto the engine and back, with their log and messages', async () => {
    const migration = new MealsOnSlotEngine1766102400000();
    const q = db.ds.createQueryRunner();
    try {
      // Extra rows: a withdrawn sitting, a room slot left in the old table, and bookings in every
      // status the meal machine has, with their events and a message.
      // Real rows through the meal programme: a lunch, two elders booked (dine-in, delivery), one cancelled.
      const centreId = await orgId(db.ds, '南街社区日间照料中心');
      const lunch = await buildLunch(centreId, new Date(clock.now().getTime() + 3 * 24 * 3600 * 1000 + 6 * 3600 * 1000), {
        capacityDineIn: 10,
        capacityDelivery: 5,
      });
      const elders: number[] = [];
      for (let i = 0; i < 3; i++)
        elders.push(
          ok(await call('bookings', 'registerElder', { centreId, name: `迁移${i}`, birthYear: 1940, address: '锦屏花园1栋1单元101' }, as('care_staff'))).id,
        );
      const modes = ['dine_in', 'delivery', 'dine_in'] as const;
      const made = [];
      for (let i = 0; i < 3; i++)
        made.push(
          ok(await call('bookings', 'book', { slotId: lunch.id, elderId: elders[i], mode: modes[i], requestId: crypto.randomUUID() }, as('care_staff'))),
        );
      ok(await call('bookings', 'cancel', { bookingId: made[2].id }, as('care_staff')));
      const elderId = elders[0];
      const slotCols =
        'centreId, kind, day, sitting, title, startsAt, endsAt, cutoffAt, capacityDineIn, capacityDelivery, heldDineIn, heldDelivery, opensAt, quotaPerWeek, priceFen, dishes, createdById, createdAt, withdrawnAt';
      await q.query(
        `INSERT INTO booking_slots (${slotCols}) VALUES (?, 'meal', '2026-11-02', 'lunch', '午餐', ?, ?, ?, 20, 5, 3, 1, NULL, NULL, 1500, '[]', 1, ?, NULL)`,
        [centreId, at, at, at, at],
      );
      await q.query(
        `INSERT INTO booking_slots (${slotCols}) VALUES (?, 'meal', '2026-11-03', 'dinner', '晚餐', ?, ?, ?, 20, 5, 0, 0, NULL, NULL, 1500, '[]', 1, ?, ?)`,
        [centreId, at, at, at, at, at],
      );
      await q.query(
        `INSERT INTO booking_slots (${slotCols}) VALUES (?, 'room', '2026-11-04', NULL, '活动室', ?, ?, ?, 8, 0, 1, 0, NULL, 1, 0, '[]', 1, ?, NULL)`,
        [centreId, at, at, at, at],
      );
      const [past, withdrawnSlot, room] = (await q.query('SELECT id FROM booking_slots ORDER BY id DESC LIMIT 3')).map((r: Row) => Number(r.id)).reverse();
      void withdrawnSlot;
      const bookCols =
        'slotId, centreId, elderId, mode, status, activeKey, code, requestId, bookedById, channel, priceFen, subsidyFen, payFen, tier, waitlistedAt, offerExpiresAt, redeemedAt, redeemedById, paidBy, createdAt, updatedAt, remark, remarkVoiceId, remarkVoiceSec';
      const extra: [number, string, string, string | null, string, string, string | null, string | null][] = [
        [past, 'dine_in', 'redeemed', `${past}:${elderId}`, 'MIGRA2', 'standing-7-' + past, 'wechat', '少盐'],
        [past, 'delivery', 'redeemed', null, 'MIGRA3', 'r-3', 'cash', null],
        [past, 'delivery', 'no_show', null, 'MIGRA4', 'r-4', null, null],
        [past, 'dine_in', 'cancelled', null, 'MIGRA5', 'r-5', null, null],
        [room, 'dine_in', 'booked', `${room}:${elderId}`, 'MIGRA6', 'r-6', null, null],
      ];
      for (const [slotId, mode, status, key, code, requestId, paidBy, remark] of extra)
        await q.query(
          `INSERT INTO bookings (${bookCols}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 'phone', 1500, 1000, 500, 'gaoling', NULL, NULL, ?, ?, ?, ?, ?, ?, NULL, NULL)`,
          [
            slotId,
            centreId,
            elderId,
            mode,
            status,
            key,
            code,
            requestId,
            status === 'redeemed' ? at : null,
            status === 'redeemed' ? 1 : null,
            paidBy,
            at,
            at,
            remark,
          ],
        );
      const idOf = async (code: string) => Number((await q.query('SELECT id FROM bookings WHERE code = ?', [code]))[0].id);
      const ev = (code: number, action: string, from: string | null, to: string | null, data: string | null) =>
        q.query('INSERT INTO subject_events (subject_kind, subject_id, action, from_status, to_status, actor_id, at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
          'booking',
          code,
          action,
          from,
          to,
          1,
          at,
          data,
        ]);
      await ev(await idOf('MIGRA2'), 'redeemed', 'booked', 'redeemed', '{"note":"按姓名核销"}');
      await ev(await idOf('MIGRA3'), 'delivered', 'booked', 'redeemed', '{"note":null}');
      await ev(await idOf('MIGRA4'), 'delivery_missed', 'booked', 'no_show', '{"note":"不在家"}');
      await ev(await idOf('MIGRA5'), 'confirmed', 'offered', 'booked', null);
      const [user] = await q.query('SELECT id FROM users ORDER BY id LIMIT 1');
      await q.query("INSERT INTO notifications (userId, title, body, subjectKind, subjectId, createdAt) VALUES (?, 'T', 'B', 'booking', ?, ?)", [
        user.id,
        await idOf('MIGRA3'),
        at,
      ]);

      // What the old tables say, keyed by the booking's code (kept across the move).
      const before = await oldFacts(q);
      expect(before.bookings.length).toBeGreaterThan(extra.length);
      const engineBefore = await q.query('SELECT id, status, code FROM slot_bookings ORDER BY id');
      const venueSlotsBefore = Number((await q.query('SELECT COUNT(*) AS n FROM slots'))[0].n);
      const mealSlots = Number((await q.query("SELECT COUNT(*) AS n FROM booking_slots WHERE kind = 'meal'"))[0].n);
      const allSlots = Number((await q.query('SELECT COUNT(*) AS n FROM booking_slots'))[0].n);
      const offS = Number((await q.query('SELECT MAX(id) AS n FROM slots'))[0].n ?? 0);

      await migration.up(q);
      for (const t of ['booking_slots', 'bookings']) expect(await q.hasTable(t)).toBe(false);
      expect(Number((await q.query('SELECT COUNT(*) AS n FROM meal_sittings'))[0].n)).toBe(mealSlots);
      expect(Number((await q.query('SELECT COUNT(*) AS n FROM slots'))[0].n)).toBe(venueSlotsBefore + allSlots);
      // The engine's own bookings are untouched.
      const ids = engineBefore.map((r: Row) => Number(r.id));
      const still = ids.length ? await q.query(`SELECT id, status, code FROM slot_bookings WHERE id IN (${ids.join(',')}) ORDER BY id`) : [];
      expect(still).toEqual(engineBefore);

      // A meal booking's slot and day, kept beside it for the daily-subsidy count, are its engine slot's.
      const stray = await q.query(
        'SELECT COUNT(*) AS n FROM meal_bookings m INNER JOIN slot_bookings b ON b.id = m.bookingId INNER JOIN slots s ON s.id = b.slotId WHERE m.slotId <> b.slotId OR m.day <> s.day',
      );
      expect(Number(stray[0].n)).toBe(0);
      expect(Number((await q.query('SELECT COUNT(*) AS n FROM meal_bookings'))[0].n)).toBe(before.bookings.filter((b) => b.kind === 'meal').length);
      const after = await newFacts(q);
      // Every old booking is there with the engine's names for its status; meal facts beside it.
      expect(after.bookings).toEqual(
        before.bookings.map((b) => ({
          ...b,
          status: b.status === 'redeemed' ? 'checked_in' : b.status,
          requestId: String(b.requestId).replace(/^standing-(\d+)-(\d+)$/, (_, o, s) => `standing-${o}-${Number(s) + offS}`),
          mode: b.kind === 'meal' ? b.mode : 'seat',
          meal: b.kind === 'meal' ? b.meal : null,
        })),
      );
      const live = await q.query(
        "SELECT b.activeKey AS k, b.slotId AS s, b.holderId AS h FROM slot_bookings b WHERE b.code IN ('MIGRA2', 'MIGRA6') ORDER BY b.code",
      );
      expect(live.map((r: Row) => r.k)).toEqual(live.map((r: Row) => `${num(r.s)}:elder:${num(r.h)}`));
      const standing = await q.query("SELECT requestId AS r FROM slot_bookings WHERE code = 'MIGRA2'");
      expect(standing[0].r).toBe(`standing-7-${past + offS}`);
      // The withdrawn sitting is a withdrawn slot whose meal row leaves the live key free.
      const withdrawn = await q.query(
        "SELECT s.status AS st, m.liveSitting AS live FROM meal_sittings m INNER JOIN slots s ON s.id = m.slotId WHERE m.day = '2026-11-03'",
      );
      expect(withdrawn).toEqual([{ st: 'withdrawn', live: null }]);
      // The log: engine events under slot-booking, in the same order, nothing left under booking.
      expect(Number((await q.query("SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'booking'"))[0].n)).toBe(0);
      expect(after.events).toEqual(
        before.events.map((e) => ({
          ...e,
          action:
            ({ confirmed: 'accepted', redeemed: 'checked_in', delivered: 'checked_in', delivery_missed: 'marked_absent' } as Row)[e.action as string] ??
            e.action,
          from: e.from === 'redeemed' ? 'checked_in' : e.from,
          to: e.to === 'redeemed' ? 'checked_in' : e.to,
          data: e.action === 'delivered' && (!e.data || (e.data as Row).note === null) ? { note: '送达' } : e.data,
        })),
      );
      expect(after.messages).toEqual(before.messages);

      await migration.down(q);
      for (const t of ['meal_sittings', 'meal_bookings']) expect(await q.hasTable(t)).toBe(false);
      const back = await oldFacts(q);
      // The room slot stays on the engine (nothing tells it from a venue's); everything meal comes back.
      const meal = (f: Awaited<ReturnType<typeof oldFacts>>) => ({
        bookings: f.bookings.filter((b) => b.kind === 'meal'),
        events: f.events.filter((e) => e.code !== 'MIGRA6'),
        messages: f.messages,
      });
      const restored = meal(back);
      // The standing request id names the slot by its id, which is now the engine's.
      const expected = meal(before);
      expected.bookings = expected.bookings.map((b) => ({
        ...b,
        requestId: String(b.requestId).replace(/^standing-(\d+)-(\d+)$/, (_, o, s) => `standing-${o}-${Number(s) + offS}`),
      }));
      expect(restored).toEqual(expected);
      expect(Number((await q.query("SELECT COUNT(*) AS n FROM slot_bookings WHERE code = 'MIGRA6'"))[0].n)).toBe(1);
      expect(await q.query('SELECT id, status, code FROM slot_bookings WHERE id IN (' + [0, ...ids].join(',') + ') ORDER BY id')).toEqual(engineBefore);
    } finally {
      await q.release();
    }
  });
});

interface Facts {
  bookings: Row[];
  events: Row[];
  messages: Row[];
}

/** The old tables' facts, by code. */
async function oldFacts(q: import('typeorm').QueryRunner): Promise<Facts> {
  const bookings = (
    await q.query(
      `SELECT b.code AS code, s.kind AS kind, s.day AS day, s.sitting AS sitting, s.centreId AS centre, s.title AS title, s.priceFen AS slotPrice, s.dishes AS dishes,
              s.capacityDineIn AS capIn, s.capacityDelivery AS capOut, s.heldDineIn AS heldIn, s.heldDelivery AS heldOut, s.withdrawnAt AS withdrawnAt,
              b.elderId AS elder, b.mode AS mode, b.status AS status, b.requestId AS requestId, b.bookedById AS bookedBy, b.redeemedById AS checkedBy,
              b.channel AS channel, b.priceFen AS price, b.subsidyFen AS subsidy, b.payFen AS pay, b.tier AS tier, b.paidBy AS paidBy,
              b.remark AS remark, b.remarkVoiceId AS voice, b.remarkVoiceSec AS voiceSec, b.activeKey IS NOT NULL AS live
         FROM bookings b INNER JOIN booking_slots s ON s.id = b.slotId ORDER BY b.code`,
    )
  ).map((r: Row) => ({
    code: r.code,
    kind: r.kind,
    slot: { day: r.day, centre: num(r.centre), title: r.title, withdrawn: r.withdrawnAt !== null },
    elder: num(r.elder),
    mode: r.mode,
    status: r.status,
    requestId: r.requestId,
    bookedBy: num(r.bookedBy),
    checkedBy: num(r.checkedBy),
    live: Boolean(Number(r.live)),
    meal: {
      sitting: r.sitting,
      slotPrice: num(r.slotPrice),
      dishes: r.dishes,
      seats: [num(r.capIn), num(r.capOut), num(r.heldIn), num(r.heldOut)],
      channel: r.channel,
      price: [num(r.price), num(r.subsidy), num(r.pay)],
      tier: r.tier,
      paidBy: r.paidBy,
      remark: [r.remark, r.voice, num(r.voiceSec)],
    },
  }));
  const events = (
    await q.query(
      `SELECT b.code AS code, e.action AS action, e.from_status AS f, e.to_status AS t, e.actor_id AS who, e.data AS data
         FROM subject_events e INNER JOIN bookings b ON b.id = e.subject_id WHERE e.subject_kind = 'booking' ORDER BY e.id`,
    )
  ).map((r: Row) => ({ code: r.code, action: r.action, from: r.f, to: r.t, who: num(r.who), data: json(r.data) }));
  const messages = (
    await q.query(
      "SELECT n.title AS title, b.code AS code FROM notifications n INNER JOIN bookings b ON b.id = n.subjectId WHERE n.subjectKind = 'booking' ORDER BY n.id",
    )
  ).map((r: Row) => ({ title: r.title, code: r.code }));
  return { bookings, events, messages };
}

/** The same facts read from the engine's and the programme's tables. */
async function newFacts(q: import('typeorm').QueryRunner): Promise<Facts> {
  const bookings = (
    await q.query(
      `SELECT b.code AS code, s.kind AS kind, s.day AS day, s.venueId AS centre, s.title AS title, s.status AS slotStatus,
              m.sitting AS sitting, m.priceFen AS slotPrice, m.dishes AS dishes,
              d.capacity AS capIn, v.capacity AS capOut, d.held AS heldIn, v.held AS heldOut,
              b.holderKind AS holderKind, b.holderId AS elder, b.pool AS mode, b.status AS status, b.requestId AS requestId, b.bookedById AS bookedBy,
              b.checkedInById AS checkedBy, b.activeKey IS NOT NULL AS live,
              mb.channel AS channel, mb.priceFen AS price, mb.subsidyFen AS subsidy, mb.payFen AS pay, mb.tier AS tier, mb.paidBy AS paidBy,
              mb.remark AS remark, mb.remarkVoiceId AS voice, mb.remarkVoiceSec AS voiceSec
         FROM slot_bookings b
         INNER JOIN slots s ON s.id = b.slotId
         LEFT JOIN meal_sittings m ON m.slotId = s.id
         LEFT JOIN meal_bookings mb ON mb.bookingId = b.id
         LEFT JOIN slot_pools d ON d.slotId = s.id AND d.pool = 'dine_in'
         LEFT JOIN slot_pools v ON v.slotId = s.id AND v.pool = 'delivery'
        WHERE b.holderKind = 'elder' ORDER BY b.code`,
    )
  ).map((r: Row) => ({
    code: r.code,
    kind: r.kind,
    slot: { day: r.day, centre: num(r.centre), title: r.title, withdrawn: r.slotStatus === 'withdrawn' },
    elder: num(r.elder),
    mode: r.mode,
    status: r.status,
    requestId: r.requestId,
    bookedBy: num(r.bookedBy),
    checkedBy: num(r.checkedBy),
    live: Boolean(Number(r.live)),
    meal:
      r.sitting === null
        ? null
        : {
            sitting: r.sitting,
            slotPrice: num(r.slotPrice),
            dishes: r.dishes,
            seats: [num(r.capIn), num(r.capOut), num(r.heldIn), num(r.heldOut)],
            channel: r.channel,
            price: [num(r.price), num(r.subsidy), num(r.pay)],
            tier: r.tier,
            paidBy: r.paidBy,
            remark: [r.remark, r.voice, num(r.voiceSec)],
          },
  }));
  const events = (
    await q.query(
      `SELECT b.code AS code, e.action AS action, e.from_status AS f, e.to_status AS t, e.actor_id AS who, e.data AS data
         FROM subject_events e INNER JOIN slot_bookings b ON b.id = e.subject_id
        WHERE e.subject_kind = 'slot-booking' AND b.holderKind = 'elder' ORDER BY e.id`,
    )
  ).map((r: Row) => ({ code: r.code, action: r.action, from: r.f, to: r.t, who: num(r.who), data: json(r.data) }));
  const messages = (
    await q.query(
      "SELECT n.title AS title, b.code AS code FROM notifications n INNER JOIN slot_bookings b ON b.id = n.subjectId WHERE n.subjectKind = 'booking' ORDER BY n.id",
    )
  ).map((r: Row) => ({ title: r.title, code: r.code }));
  return { bookings, events, messages };
}
