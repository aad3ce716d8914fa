import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ErrorCode, localDay, SLOT_RULES } from '@hg/types';
import { runInTransaction } from '../../cloud/src/core/data-source';
import { AppError } from '../../cloud/src/core/errors';
import type { TimerContext } from '../../cloud/src/core/module';
import { localPlatform } from '../../cloud/src/core/platform';
import { Notifier } from '../../cloud/src/modules/notifications/public';
import {
  acceptOffer,
  cancelSlotBooking,
  checkIn,
  checkOut,
  closeDay,
  editSlot,
  publishSlot,
  reopenDay,
  reserve,
  slotById,
  withdrawSlot,
  waitingBySlot,
  type Reserve,
  type SlotView,
} from '../../cloud/src/modules/slots/public';
import { SLOT_TIMERS } from '../../cloud/src/modules/slots/slot-timers';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { statementsOf } from '../statements';

jest.setTimeout(120_000);

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const rid = () => crypto.randomBytes(9).toString('base64url');

/**
 * The slot engine on its own: no meal, no elder, no centre in the database — a venue is a number,
 * holders are residents (users) and groups, staff is a user id. Times are passed explicitly.
 */
describe.each(DIALECTS)('slot engine on %s', (dialect) => {
  let db: TestDb;
  const venueId = 9001;
  const staff = 501;
  /** A fixed "now" far from any other test's data: each test uses a day of its own. */
  const base = new Date('2031-03-02T01:00:00.000Z');
  let dayNo = 0;
  const nextDay = () => new Date(base.getTime() + ++dayNo * DAY);

  beforeAll(async () => {
    db = await createTestDb(dialect, { seed: false });
  });
  afterAll(() => db.drop());

  const tx = <T>(work: (em: EntityManager) => Promise<T>) => runInTransaction(db.ds, work);
  const ctx = () => ({ ds: db.ds, tx });

  /** A slot starting 10:00 local on a day of its own, ending 12:00, cut-off 09:00. */
  async function slot(
    capacity: number,
    opts: { kind?: 'room' | 'consult' | 'visit' | 'activity'; day?: Date; title?: string; quotaPerWeek?: number; waitlist?: boolean } = {},
  ): Promise<SlotView> {
    const day = opts.day ?? nextDay();
    const startsAt = new Date(`${localDay(day)}T02:00:00.000Z`);
    return tx((em) =>
      publishSlot(em, {
        kind: opts.kind ?? 'room',
        venueId,
        title: opts.title ?? '棋牌室',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * HOUR),
        cutoffAt: new Date(startsAt.getTime() - HOUR),
        pools: [{ pool: SLOT_RULES.seatPool, capacity }],
        quotaPerWeek: opts.quotaPerWeek ?? null,
        ...(opts.waitlist === undefined ? {} : { waitlist: opts.waitlist }),
        by: staff,
        at: base,
      }),
    );
  }

  const book = (s: SlotView, userId: number, more: Partial<Reserve> = {}) =>
    reserve(ctx(), { slotId: s.id, holder: { kind: 'user', id: userId }, requestId: rid(), bookedById: userId, waitlist: false, at: base, ...more });

  const held = async (slotId: number) => (await slotById(db.ds.manager, slotId))!.pools[0].held;
  const codeOf = async (p: Promise<unknown>) =>
    p.then(
      () => 'OK',
      (e: unknown) => (e instanceof AppError ? e.code : String(e)),
    );
  const statusOf = async (id: number) => (await db.ds.query('SELECT status FROM slot_bookings WHERE id = ?', [id]))[0].status;
  const history = async (kind: string, id: number) =>
    (
      await db.ds.query('SELECT action, from_status AS f, to_status AS t FROM subject_events WHERE subject_kind = ? AND subject_id = ? ORDER BY id', [kind, id])
    ).map((e: { action: string; f: string | null; t: string | null }) => `${e.f ?? '∅'}>${e.t ?? '∅'}:${e.action}`);
  const messagesTo = async (userId: number) =>
    db.ds.query('SELECT title, body, subjectKind, subjectId FROM notifications WHERE userId = ? ORDER BY id', [userId]);
  const timers = (now: Date) => {
    const tctx: TimerContext = { em: db.ds.manager, platform: localPlatform(), tx };
    return Promise.all(SLOT_TIMERS.map((j) => j.run(tctx, now))).then((r) => Object.assign({}, ...r));
  };

  it('never oversells a pool: 60 residents at once for 20 seats', async () => {
    const s = await slot(20);
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => codeOf(book(s, 10_000 + i))));
    expect(results.filter((r) => r === 'OK')).toHaveLength(20);
    expect(results.filter((r) => r === ErrorCode.CAPACITY_FULL)).toHaveLength(40);
    expect(await held(s.id)).toBe(20);
    const [n] = await db.ds.query("SELECT COUNT(*) AS n FROM slot_bookings WHERE slotId = ? AND status = 'booked'", [s.id]);
    expect(Number(n.n)).toBe(20);
  });

  it('answers a repeated request id with its first booking, even once the pool is full', async () => {
    const s = await slot(1);
    const requestId = rid();
    const same = await Promise.all(Array.from({ length: 5 }, () => book(s, 20_001, { requestId })));
    expect(new Set(same.map((b) => b.id)).size).toBe(1);
    expect(await held(s.id)).toBe(1);
    // Full now: the same request still gets its booking, not CAPACITY_FULL.
    expect((await book(s, 20_001, { requestId })).id).toBe(same[0].id);
    // A new request for the same holder is one live booking too many.
    expect(await codeOf(book(s, 20_001, { waitlist: true }))).toBe(ErrorCode.CONFLICT);
  });

  it('holds a weekly quota per holder, even against parallel taps on several slots', async () => {
    // Two consultations in one ISO week (Monday 2031-06-09 and Wednesday 2031-06-11), one a week each.
    const mon = await slot(5, { kind: 'consult', day: new Date('2031-06-09T04:00:00.000Z'), quotaPerWeek: 1 });
    const wed = await slot(5, { kind: 'consult', day: new Date('2031-06-11T04:00:00.000Z'), quotaPerWeek: 1 });
    const results = await Promise.all([mon, wed, mon, wed].map((s) => codeOf(book(s, 36_001))));
    expect(results.filter((r) => r === 'OK')).toHaveLength(1);
    expect(results.filter((r) => r === ErrorCode.RATE_LIMITED || r === ErrorCode.CONFLICT)).toHaveLength(3);
    expect((await held(mon.id)) + (await held(wed.id))).toBe(1);
    // Someone else is not limited by it; a room the same week is another kind.
    expect(await codeOf(book(wed, 36_002))).toBe('OK');
    const room = await slot(5, { day: new Date('2031-06-10T04:00:00.000Z'), quotaPerWeek: 1 });
    expect(await codeOf(book(room, 36_001))).toBe('OK');
  });

  it('books for a group holder by its contact, one live booking per group', async () => {
    const s = await slot(5, { kind: 'activity', title: '合唱排练' });
    const b = await reserve(ctx(), { slotId: s.id, holder: { kind: 'group', id: 77 }, requestId: rid(), bookedById: 20_100, waitlist: false, at: base });
    expect(b).toMatchObject({ holderKind: 'group', holderId: 77, bookedById: 20_100, status: 'booked' });
    const other = reserve(ctx(), { slotId: s.id, holder: { kind: 'group', id: 77 }, requestId: rid(), bookedById: 20_101, waitlist: false, at: base });
    expect(await codeOf(other)).toBe(ErrorCode.CONFLICT);
  });

  it('a visit asks where and what', async () => {
    const s = await slot(3, { kind: 'visit', title: '家电维修上门' });
    const err = await book(s, 20_200).catch((e: AppError) => e);
    expect(err).toMatchObject({ code: ErrorCode.INVALID_INPUT, details: { field: 'place' } });
    expect(await codeOf(book(s, 20_200, { place: '南街3栋2单元501' }))).toBe(ErrorCode.INVALID_INPUT);
    const b = await book(s, 20_200, { place: '南街3栋2单元501', purpose: '热水器不出热水' });
    expect(b).toMatchObject({ place: '南街3栋2单元501', purpose: '热水器不出热水', status: 'booked' });
    // A room asks neither, and keeps neither.
    const room = await slot(3);
    expect(await book(room, 20_201, { place: 'x', purpose: 'y' })).toMatchObject({ place: null, purpose: null });
  });

  it('waitlist: a freed seat is offered to the first in line, lapses to the next, and is accepted', async () => {
    const s = await slot(1);
    const a = await book(s, 30_001);
    const b = await book(s, 30_002, { waitlist: true });
    const c = await book(s, 30_003, { waitlist: true });
    expect([b.status, c.status]).toEqual(['waitlisted', 'waitlisted']);
    expect(await held(s.id)).toBe(1);

    await tx((em) => cancelSlotBooking(em, a.id, { by: 30_001, at: base, notifier: new Notifier() }));
    expect(await statusOf(b.id)).toBe('offered');
    expect(await held(s.id)).toBe(1);
    expect((await messagesTo(30_002)).map((m: { title: string; subjectKind: string }) => [m.title, m.subjectKind])).toEqual([
      ['候补到位，请确认', 'slot-booking'],
    ]);

    // B lets the offer lapse: the timer passes the seat to C.
    const later = new Date(base.getTime() + (SLOT_RULES.offerMinutes + 1) * 60_000);
    expect(await timers(later)).toMatchObject({ slotOffersLapsed: 1 });
    expect(await statusOf(b.id)).toBe('expired');
    expect(await statusOf(c.id)).toBe('offered');
    expect(await codeOf(tx((em) => acceptOffer(em, b.id, { by: 30_002, at: later })))).toBe(ErrorCode.INVALID_TRANSITION);
    await tx((em) => acceptOffer(em, c.id, { by: 30_003, at: later }));
    expect(await statusOf(c.id)).toBe('booked');
    expect(await held(s.id)).toBe(1);
    expect(await history('slot-booking', b.id)).toEqual(['∅>waitlisted:waitlisted', 'waitlisted>offered:offered', 'offered>expired:expired']);
    expect(await history('slot-booking', c.id)).toEqual(['∅>waitlisted:waitlisted', 'waitlisted>offered:offered', 'offered>booked:accepted']);
  });

  it('a slot takes a waitlist unless its organiser said no: then full is full, even under parallel taps', async () => {
    const open = await slot(1);
    expect(open.waitlist).toBe(true);
    const closed = await slot(1, { waitlist: false });
    expect(closed.waitlist).toBe(false);
    await book(closed, 34_001);
    const refusal = await book(closed, 34_002, { waitlist: true }).catch((e: AppError) => e);
    expect(refusal).toMatchObject({ code: ErrorCode.CAPACITY_FULL, details: { waitlist: false } });
    // Twenty neighbours asking at once for a place in a line that does not exist: nobody gets one.
    const many = await Promise.all(Array.from({ length: 20 }, (_, i) => codeOf(book(closed, 34_100 + i, { waitlist: true }))));
    expect(many.every((r) => r === ErrorCode.CAPACITY_FULL)).toBe(true);
    const [{ n }] = await db.ds.query('SELECT COUNT(*) AS n FROM slot_bookings WHERE slotId = ?', [closed.id]);
    expect(Number(n)).toBe(1);
    expect(await held(closed.id)).toBe(1);
    // Without the flag a full slot with a waitlist says the line is there.
    await book(open, 34_003);
    expect(await book(open, 34_004).catch((e: AppError) => e)).toMatchObject({ code: ErrorCode.CAPACITY_FULL, details: { waitlist: true } });
    // The organiser changes it while nobody has booked; a slot with bookings keeps what it had.
    const later = await slot(2);
    expect((await tx((em) => editSlot(em, later.id, { waitlist: false, by: staff, at: base }))).waitlist).toBe(false);
    expect(await codeOf(tx((em) => editSlot(em, closed.id, { waitlist: true, by: staff, at: base })))).toBe(ErrorCode.CONFLICT);
  });

  it('counts who waits on each slot in one grouped query', async () => {
    const a = await slot(1);
    const b = await slot(1);
    const c = await slot(2);
    await book(a, 35_001);
    await book(b, 35_002);
    for (const u of [35_003, 35_004, 35_005]) await book(a, u, { waitlist: true });
    const offeredSoon = await book(b, 35_006, { waitlist: true });
    // An offered seat is held, not waited for: B's line is empty once its seat is offered.
    const seated = await db.ds.query("SELECT id FROM slot_bookings WHERE slotId = ? AND status = 'booked'", [b.id]);
    await tx((em) => cancelSlotBooking(em, Number(seated[0].id), { by: 35_002, at: base, notifier: new Notifier() }));
    expect(await statusOf(offeredSoon.id)).toBe('offered');
    const { result, statements } = await statementsOf(db.ds, () => waitingBySlot(db.ds.manager, [a.id, b.id, c.id]));
    expect(Object.fromEntries(result)).toEqual({ [a.id]: 3 });
    expect(statements).toHaveLength(1);
    expect(await waitingBySlot(db.ds.manager, [])).toEqual(new Map());
  });

  it('closes the waitlist at the cut-off and marks no-shows after the slot', async () => {
    const s = await slot(1);
    const a = await book(s, 31_001);
    const w = await book(s, 31_002, { waitlist: true });
    const afterCutoff = new Date(s.cutoffAt.getTime() + 1000);
    expect(await codeOf(book(s, 31_003, { waitlist: true, at: afterCutoff }))).toBe(ErrorCode.INVALID_TRANSITION);
    expect(await codeOf(tx((em) => cancelSlotBooking(em, a.id, { by: 31_001, at: afterCutoff, notifier: new Notifier() })))).toBe(ErrorCode.INVALID_TRANSITION);
    await timers(afterCutoff);
    expect(await statusOf(w.id)).toBe('expired');
    await timers(new Date(s.endsAt.getTime() + (SLOT_RULES.noShowGraceMinutes + 1) * 60_000));
    expect(await statusOf(a.id)).toBe('no_show');
  });

  it('edits a slot until its first booking, then refuses', async () => {
    const s = await slot(2);
    const edited = await tx((em) => editSlot(em, s.id, { title: '书画室', capacities: { seat: 4 }, by: staff, at: base }));
    expect(edited).toMatchObject({ title: '书画室', pools: [{ pool: 'seat', capacity: 4, held: 0 }] });
    const b = await book(s, 32_001);
    expect(await codeOf(tx((em) => editSlot(em, s.id, { capacities: { seat: 1 }, by: staff, at: base })))).toBe(ErrorCode.CONFLICT);
    // Still refused once that booking is cancelled: someone was told the old terms.
    await tx((em) => cancelSlotBooking(em, b.id, { by: 32_001, at: base, notifier: new Notifier() }));
    expect(await codeOf(tx((em) => editSlot(em, s.id, { title: '别的', by: staff, at: base })))).toBe(ErrorCode.CONFLICT);
    expect(await history('slot', s.id)).toEqual(['∅>published:published', '∅>∅:edited']);
  });

  it('withdraws a slot: every live booking ends and everyone booked or waiting is told why', async () => {
    const s = await slot(2);
    const b1 = await book(s, 33_001);
    const b2 = await book(s, 33_002);
    const w = await book(s, 33_003, { waitlist: true });
    const n = await tx(async (em) => {
      const notifier = new Notifier();
      const ended = await withdrawSlot(em, s.id, { reason: '停电检修', by: staff, at: base, notifier });
      return ended;
    });
    expect(n).toBe(3);
    for (const b of [b1, b2, w]) expect(await statusOf(b.id)).toBe('withdrawn');
    expect(await held(s.id)).toBe(0);
    for (const u of [33_001, 33_002, 33_003]) {
      const [m] = await messagesTo(u);
      expect(m).toMatchObject({ title: '预约的时段已撤回', subjectKind: 'slot-booking' });
      expect(m.body).toContain('停电检修');
    }
    expect(await codeOf(book(s, 33_004))).toBe(ErrorCode.INVALID_TRANSITION);
    expect(await codeOf(tx((em) => withdrawSlot(em, s.id, { reason: 'x', by: staff, at: base, notifier: new Notifier() })))).toBe(ErrorCode.INVALID_TRANSITION);
    expect(await codeOf(tx((em) => editSlot(em, s.id, { title: 'x', by: staff, at: base })))).toBe(ErrorCode.INVALID_TRANSITION);
  });

  it('closes a day: its slots are withdrawn with notice, nothing more is published on it, and it can reopen', async () => {
    const day = nextDay();
    const morning = await slot(3, { day, title: '上午' });
    const consult = await slot(3, { day, kind: 'consult', title: '健康咨询' });
    const tomorrow = await slot(3);
    const b = await book(morning, 34_001);
    const kept = await book(tomorrow, 34_001);
    const r = await tx((em) => closeDay(em, { venueId, day: localDay(day), reason: '春节休息', by: staff, at: base, notifier: new Notifier() }));
    expect(r).toEqual({ slots: 2, bookings: 1 });
    expect((await slotById(db.ds.manager, morning.id))!.status).toBe('withdrawn');
    expect((await slotById(db.ds.manager, consult.id))!.status).toBe('withdrawn');
    expect(await statusOf(b.id)).toBe('withdrawn');
    expect(await statusOf(kept.id)).toBe('booked');
    expect((await messagesTo(34_001)).map((m: { body: string }) => m.body).join()).toContain('春节休息');
    expect(await codeOf(slot(3, { day }))).toBe(ErrorCode.CONFLICT);
    expect(await codeOf(tx((em) => closeDay(em, { venueId, day: localDay(day), reason: 'again', by: staff, at: base, notifier: new Notifier() })))).toBe(
      ErrorCode.CONFLICT,
    );
    await tx((em) => reopenDay(em, { venueId, day: localDay(day) }));
    expect((await slot(3, { day })).status).toBe('published');
  });

  it('checks in by code or by booking on the day, and checks out with times', async () => {
    const s = await slot(3);
    const a = await book(s, 35_001);
    const b = await book(s, 35_002);
    const dayBefore = new Date(s.startsAt.getTime() - DAY);
    expect(await codeOf(tx((em) => checkIn(em, { venueId, code: a.code }, { by: staff, at: dayBefore })))).toBe(ErrorCode.INVALID_TRANSITION);
    const at = new Date(s.startsAt.getTime() - 5 * 60_000);
    const byCode = await tx((em) => checkIn(em, { venueId, code: a.code.toLowerCase() }, { by: staff, at }));
    expect(byCode).toMatchObject({ id: a.id, status: 'checked_in', checkedInAt: at, checkedInById: staff });
    expect(await codeOf(tx((em) => checkIn(em, { venueId, code: a.code }, { by: staff, at })))).toBe(ErrorCode.INVALID_TRANSITION);
    expect(await codeOf(tx((em) => checkIn(em, { venueId: venueId + 1, code: b.code }, { by: staff, at })))).toBe(ErrorCode.NOT_FOUND);
    await tx((em) => checkIn(em, { bookingId: b.id }, { by: staff, at }));
    const out = new Date(at.getTime() + 95 * 60_000);
    const done = await tx((em) => checkOut(em, a.id, { by: staff, at: out }));
    expect(done).toMatchObject({ status: 'checked_out', checkedInAt: at, checkedOutAt: out });
    const [row] = await db.ds.query('SELECT checkedInAt, checkedOutAt, activeKey FROM slot_bookings WHERE id = ?', [a.id]);
    expect(new Date(row.checkedOutAt).getTime() - new Date(row.checkedInAt).getTime()).toBe(95 * 60_000);
    expect(row.activeKey).toBeNull();
    expect(await codeOf(tx((em) => checkOut(em, a.id, { by: staff, at: out })))).toBe(ErrorCode.INVALID_TRANSITION);
    // Checked-in and checked-out holders are never no-shows.
    await timers(new Date(s.endsAt.getTime() + 2 * DAY));
    expect([await statusOf(a.id), await statusOf(b.id)]).toEqual(['checked_out', 'checked_in']);
  });
});
