import crypto from 'node:crypto';
import { DataSource, In, type DataSourceOptions } from 'typeorm';
import { BOOKINGS_SETTINGS_DEFAULTS, ErrorCode, localDay } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { runInTransaction } from '../../cloud/src/core/data-source';
import { AppError } from '../../cloud/src/core/errors';
import { Elder } from '../../cloud/src/modules/bookings/elder.entity';
import { MealBooking } from '../../cloud/src/modules/bookings/meal-booking.entity';
import { placeMealBooking, publishMealSitting } from '../../cloud/src/modules/bookings/meal-flow';
import {
  cancelMeal,
  confirmMeal,
  handOverMeal,
  mealBookingsByIds,
  mealBookingsOfSittings,
  mealSittingsByIds,
  mealSittingsOfCentre,
  missMeal,
} from '../../cloud/src/modules/bookings/meal-store';
import { Notifier } from '../../cloud/src/modules/notifications/public';
import type { TimerContext } from '../../cloud/src/core/module';
import { localPlatform } from '../../cloud/src/core/platform';
import { SLOT_TIMERS } from '../../cloud/src/modules/slots/slot-timers';
import '../../cloud/src/modules/bookings';
import { MealSitting } from '../../cloud/src/modules/bookings/meal-sitting.entity';
import { MealsOnSlotEngine1766102400000 } from '../../cloud/src/modules/bookings/migrations/1766102400000-MealsOnSlotEngine';
import { createTestDb, DIALECTS, type TestDb } from '../db';
import { as, call, ok, orgId } from '../factories';
import { statementsOf } from '../statements';

jest.setTimeout(120_000);

const HOUR = 3600 * 1000;

/**
 * The meal booking on the slot engine (meal-flow.ts), on a database the MealsOnSlotEngine
 * migration moved: a seat taken through reserve with the meal's lock, daily-subsidy price and meal
 * row in the engine's transaction; a full sitting refused from unlocked reads; a waitlist place;
 * the second subsidised meal of a day at full price; a retried request answering the first. The
 * statements each makes are counted (the programme's own, without the request's identity and the
 * answer's presenter).
 */
describe.each(DIALECTS)('meal bookings on the slot engine on %s', (dialect) => {
  let db: TestDb;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(async () => {
    clock.reset();
    if (ds?.isInitialized) await ds.destroy();
    await db.drop();
  });

  it('books, refuses, waitlists and prices meals on engine slots', async () => {
    const centreId = await orgId(db.ds, '南街社区日间照料中心');
    const register = async (name: string, address = '锦屏花园1栋1单元101') =>
      ok(await call('bookings', 'registerElder', { centreId, name, birthYear: 1936, address }, as('care_staff'))).id;
    const [a, b, c, d, e] = [
      await register('引擎甲'),
      await register('引擎乙'),
      await register('引擎丙'),
      await register('引擎丁', ' '),
      await register('引擎戊'),
    ];
    // 高龄 (80+), verified: a subsidised meal.
    await db.ds.manager.update(Elder, { id: In([a, b, c]) }, { verifiedAt: clock.now(), verifiedById: 1 });
    await db.ds.manager.update(Elder, { id: e }, { verifiedAt: null, verifiedById: null });

    const q = db.ds.createQueryRunner();
    try {
      await new MealsOnSlotEngine1766102400000().up(q);
    } finally {
      await q.release();
    }
    // The same database with the programme's new tables mapped (the module does not list them yet).
    const base = db.ds.options as DataSourceOptions & { entities: unknown[] };
    ds = new DataSource({
      ...base,
      entities: [...base.entities, MealSitting, MealBooking],
      migrations: [],
      migrationsRun: false,
      synchronize: false,
    } as DataSourceOptions);
    await ds.initialize();
    const ctx = { ds, tx: <T>(work: (em: import('typeorm').EntityManager) => Promise<T>) => runInTransaction(ds, work) };

    const now = clock.now();
    const at = (days: number, hour: number) =>
      new Date(
        Date.UTC(
          ...((
            localDay(new Date(now.getTime() + days * 24 * HOUR))
              .split('-')
              .map(Number) as [number, number, number]
          ).map((v, i) => (i === 1 ? v - 1 : v)) as [number, number, number]),
          hour - 8,
        ),
      );
    const publish = (days: number, sitting: 'lunch' | 'dinner', capacityDineIn: number) =>
      runInTransaction(ds, (em) =>
        publishMealSitting(em, {
          centreId,
          sitting,
          title: sitting === 'lunch' ? '午餐' : '晚餐',
          startsAt: at(days, sitting === 'lunch' ? 11 : 17),
          endsAt: at(days, sitting === 'lunch' ? 13 : 19),
          cutoffAt: at(days, sitting === 'lunch' ? 9 : 15),
          capacityDineIn,
          capacityDelivery: 1,
          priceFen: 1500,
          dishes: '[]',
          by: 1,
          at: now,
        }),
      );
    const lunch = await publish(3, 'lunch', 1);
    const dinner = await publish(3, 'dinner', 5);
    // One live lunch per centre and day.
    await expect(publish(3, 'lunch', 5)).rejects.toThrow();

    const elder = async (id: number) => (await ds.manager.findOneByOrFail(Elder, { id })) as Elder;
    const settings = BOOKINGS_SETTINGS_DEFAULTS;
    const place = async (sitting: MealSitting, who: number, extra: { mode?: 'dine_in' | 'delivery'; waitlist?: boolean; requestId?: string } = {}) =>
      placeMealBooking(ctx, {
        sitting,
        elder: await elder(who),
        mode: extra.mode ?? 'dine_in',
        requestId: extra.requestId ?? crypto.randomUUID(),
        bookedById: 1,
        channel: 'staff',
        waitlist: extra.waitlist ?? false,
        now,
        settings,
      });

    const ea = await elder(a);
    const seated = await statementsOf(ds, () =>
      placeMealBooking(ctx, {
        sitting: lunch.sitting,
        elder: ea,
        mode: 'dine_in',
        requestId: 'seat-a',
        bookedById: 1,
        channel: 'staff',
        waitlist: false,
        now,
        settings,
      }),
    );
    expect(seated.result.booking).toMatchObject({ status: 'booked', pool: 'dine_in', holderKind: 'elder', holderId: a });
    expect(seated.result.meal).toMatchObject({ elderId: a, channel: 'staff', priceFen: 1500, day: lunch.sitting.day });
    expect(seated.result.meal.subsidyFen).toBeGreaterThan(0);
    const eb = await elder(b);
    const refused = await statementsOf(ds, () =>
      placeMealBooking(ctx, {
        sitting: lunch.sitting,
        elder: eb,
        mode: 'dine_in',
        requestId: 'full-b',
        bookedById: 1,
        channel: 'staff',
        waitlist: false,
        now,
        settings,
      }).catch((e: unknown) => e),
    );
    expect(refused.result).toBeInstanceOf(AppError);
    expect((refused.result as AppError).code).toBe(ErrorCode.CAPACITY_FULL);
    // Not verified (yet): a full-price meal, nothing to lock or count for the day's subsidy.
    const ee = await elder(e);
    const plain = await statementsOf(ds, () =>
      placeMealBooking(ctx, {
        sitting: dinner.sitting,
        elder: ee,
        mode: 'dine_in',
        requestId: 'seat-e',
        bookedById: 1,
        channel: 'staff',
        waitlist: false,
        now,
        settings,
      }),
    );
    expect(plain.result.meal).toMatchObject({ subsidyFen: 0, payFen: 1500 });
    if (process.env.SHOW_STATEMENTS) console.log([...seated.statements, '--', ...plain.statements, '--', ...refused.statements].join('\n'));
    // The meal's own statements (without the caller's identity and the answer's presenter).
    expect({ subsidised: seated.statements.length, fullPrice: plain.statements.length, refused: refused.statements.length }).toEqual({
      subsidised: 10,
      fullPrice: 8,
      refused: 2,
    });
    // A retried request is answered by its first booking, seated or refused.
    const retried = await placeMealBooking(ctx, {
      sitting: lunch.sitting,
      elder: ea,
      mode: 'dine_in',
      requestId: 'seat-a',
      bookedById: 1,
      channel: 'staff',
      waitlist: false,
      now,
      settings,
    });
    expect(retried.booking.id).toBe(seated.result.booking.id);

    // A waitlist place, no meal seat taken; the same request again answers the first booking.
    const waiting = await place(lunch.sitting, b, { waitlist: true, requestId: 'wait-b' });
    expect(waiting.booking.status).toBe('waitlisted');
    const again = await place(lunch.sitting, b, { waitlist: true, requestId: 'wait-b' });
    expect(again.booking.id).toBe(waiting.booking.id);
    expect(again.meal).toMatchObject({ bookingId: waiting.booking.id, priceFen: 1500 });
    // Her second sitting that day: the waitlisted lunch holds the day's subsidised meal, dinner is full price.
    const second = await place(dinner.sitting, b);
    expect(second.meal).toMatchObject({ subsidyFen: 0, payFen: 1500 });
    // Another elder's dinner is subsidised; one live booking per elder and sitting.
    const other = await place(dinner.sitting, c);
    expect(other.meal.subsidyFen).toBeGreaterThan(0);
    await expect(place(dinner.sitting, c)).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    // A delivery needs an address on the profile.
    await expect(place(dinner.sitting, d, { mode: 'delivery' })).rejects.toMatchObject({ code: ErrorCode.INVALID_INPUT });
    // Read back in the programme's shape; the meal's steps as engine moves.
    const rows = await mealBookingsByIds(ds.manager, [seated.result.booking.id, waiting.booking.id, plain.result.booking.id]);
    expect(rows.get(seated.result.booking.id)).toMatchObject({ status: 'booked', mode: 'dine_in', elderId: a, centreId, channel: 'staff' });
    expect(rows.get(waiting.booking.id)).toMatchObject({ status: 'waitlisted', elderId: b });
    const sittings = await mealSittingsByIds(ds.manager, [lunch.slot.id]);
    expect(sittings.get(lunch.slot.id)).toMatchObject({
      sitting: 'lunch',
      capacityDineIn: 1,
      heldDineIn: 1,
      capacityDelivery: 1,
      heldDelivery: 0,
      priceFen: 1500,
    });
    const notifier = new Notifier();
    // a cancels: her seat is offered to b for the city's window (2 hours), b told in the meal's words.
    await runInTransaction(ds, (em) => cancelMeal(em, rows.get(seated.result.booking.id)!, sittings.get(lunch.slot.id)!, { by: 1, at: now, notifier }));
    const offered = (await mealBookingsByIds(ds.manager, [waiting.booking.id])).get(waiting.booking.id)!;
    expect(offered.status).toBe('offered');
    expect(offered.offerExpiresAt!.getTime()).toBe(Math.min(now.getTime() + settings.offerMinutes * 60_000, lunch.slot.cutoffAt.getTime()));
    const told = await ds.query("SELECT title, subjectKind, subjectId FROM notifications WHERE subjectKind = 'booking' AND subjectId = ?", [
      waiting.booking.id,
    ]);
    expect(told.map((m: { title: string }) => m.title)).toEqual(['候补到位，请确认']);
    await runInTransaction(ds, (em) => confirmMeal(em, offered, { by: 1, at: now }));
    // At the counter and at the door, on the sitting's day.
    const dinnerTime = dinner.slot.startsAt;
    const delivered = await place(dinner.sitting, a, { mode: 'delivery' });
    const missed = await place(lunch.sitting, c, { mode: 'delivery' });
    const rows2 = await mealBookingsByIds(ds.manager, [plain.result.booking.id, delivered.booking.id, missed.booking.id]);
    await runInTransaction(ds, (em) => handOverMeal(em, rows2.get(plain.result.booking.id)!, { by: 1, at: dinnerTime, paidBy: 'cash', how: '按姓名核销' }));
    await runInTransaction(ds, (em) => handOverMeal(em, rows2.get(delivered.booking.id)!, { by: 1, at: dinnerTime, paidBy: 'wechat' }));
    await runInTransaction(ds, (em) => missMeal(em, rows2.get(missed.booking.id)!, { by: 1, at: lunch.slot.startsAt, note: '不在家' }));
    await expect(runInTransaction(ds, (em) => handOverMeal(em, rows2.get(missed.booking.id)!, { by: 1, at: lunch.slot.startsAt }))).rejects.toThrow();
    const done = await mealBookingsByIds(ds.manager, [plain.result.booking.id, delivered.booking.id, missed.booking.id]);
    expect([...done.values()].map((r) => [r.status, r.paidBy, r.redeemedAt !== null])).toEqual([
      ['redeemed', 'cash', true],
      ['redeemed', 'wechat', true],
      ['no_show', null, false],
    ]);
    const log = await ds.query(
      "SELECT subject_id AS id, action, data FROM subject_events WHERE subject_kind = 'slot-booking' AND subject_id IN (?, ?, ?) AND action <> 'booked' ORDER BY id",
      [plain.result.booking.id, delivered.booking.id, missed.booking.id],
    );
    expect(log.map((r: { action: string; data: string }) => [r.action, JSON.parse(r.data).note])).toEqual([
      ['checked_in', '按姓名核销'],
      ['checked_in', '送达'],
      ['marked_absent', '不在家'],
    ]);

    // The engine's timers on a meal slot, on the meal's terms: an offer lapses, the staff are asked
    // to call the elder, the seat goes to the next in line for the city's window; at the cut-off the
    // waitlist closes in the meal's words.
    const soon = await publish(4, 'lunch', 1);
    const heldSeat = await place(soon.sitting, a);
    const first = await place(soon.sitting, b, { waitlist: true });
    const next = await place(soon.sitting, c, { waitlist: true });
    const third = await place(soon.sitting, e, { waitlist: true });
    const aRow = (await mealBookingsByIds(ds.manager, [heldSeat.booking.id])).get(heldSeat.booking.id)!;
    const soonRow = (await mealSittingsByIds(ds.manager, [soon.slot.id])).get(soon.slot.id)!;
    await runInTransaction(ds, (em) => cancelMeal(em, aRow, soonRow, { by: 1, at: now, notifier: new Notifier() }));
    const lapse = new Date(now.getTime() + settings.offerMinutes * 60_000 + 1000);
    const tctx: TimerContext = { em: ds.manager, platform: localPlatform(), tx: ctx.tx };
    const lapseJob = SLOT_TIMERS.find((j) => j.name === 'slots.lapseOffers')!;
    expect(await lapseJob.run(tctx, lapse)).toEqual({ slotOffersLapsed: 1 });
    const after = await mealBookingsByIds(ds.manager, [first.booking.id, next.booking.id, third.booking.id]);
    expect([...after.values()].map((r) => r.status)).toEqual(['expired', 'offered', 'waitlisted']);
    expect(after.get(next.booking.id)!.offerExpiresAt!.getTime()).toBe(
      Math.min(lapse.getTime() + settings.offerMinutes * 60_000, soon.slot.cutoffAt.getTime()),
    );
    const lapsedTitles = (
      await ds.query("SELECT DISTINCT title FROM notifications WHERE subjectKind = 'booking' AND subjectId = ? ORDER BY title", [first.booking.id])
    ).map((m: { title: string }) => m.title);
    expect(lapsedTitles).toEqual(expect.arrayContaining(['候补名额已失效', '请致电引擎乙老人确认']));
    const closeJob = SLOT_TIMERS.find((j) => j.name === 'slots.closeWaitlists')!;
    expect(await closeJob.run(tctx, soon.slot.cutoffAt)).toEqual({ slotWaitlistsClosed: 1 });
    const closed = await ds.query("SELECT title, body FROM notifications WHERE subjectKind = 'booking' AND subjectId = ?", [third.booking.id]);
    expect(closed.map((m: { title: string }) => m.title)).toEqual(['候补未到位']);

    // A rush on the engine: 40 elders at once for 5 seats, one in four asking to wait. Nobody is
    // seated beyond the pool; the counter equals the rows that hold a seat; the rest are refused
    // (from the unlocked read or the failed seat update) or wait in line.
    const rush = await publish(5, 'dinner', 5);
    const crowd: number[] = [];
    for (let i = 0; i < 40; i++)
      crowd.push(
        ok(await call('bookings', 'registerElder', { centreId, name: `抢座${i}`, birthYear: 1950, address: '锦屏花园1栋1单元101' }, as('care_staff'))).id,
      );
    const crowdRows = await Promise.all(crowd.map((id) => elder(id)));
    const answers = await Promise.all(
      crowdRows.map((who, i) =>
        placeMealBooking(ctx, {
          sitting: rush.sitting,
          elder: who,
          mode: 'dine_in',
          requestId: `rush-${i}`,
          bookedById: 1,
          channel: 'staff',
          waitlist: i % 4 === 0,
          now,
          settings,
        }).then(
          (r) => r.booking.status as string,
          (err: unknown) => (err instanceof AppError ? err.code : String(err)),
        ),
      ),
    );
    const tally = answers.reduce<Record<string, number>>((t, a) => ({ ...t, [a]: (t[a] ?? 0) + 1 }), {});
    expect(tally.booked).toBe(5);
    expect((tally.waitlisted ?? 0) + (tally[ErrorCode.CAPACITY_FULL] ?? 0)).toBe(35);
    const [{ held }] = await ds.query("SELECT held FROM slot_pools WHERE slotId = ? AND pool = 'dine_in'", [rush.slot.id]);
    const [{ n: holding }] = await ds.query("SELECT COUNT(*) AS n FROM slot_bookings WHERE slotId = ? AND status IN ('booked', 'offered')", [rush.slot.id]);
    expect([Number(held), Number(holding)]).toEqual([5, 5]);
    // One elder at two sittings of a day at once: one subsidised meal, the other at full price.
    const twin = await register('双开');
    await db.ds.manager.update(Elder, { id: twin }, { verifiedAt: clock.now(), verifiedById: 1 });
    const twinLunch = await publish(6, 'lunch', 5);
    const twinDinner = await publish(6, 'dinner', 5);
    const both = await Promise.all([twinLunch, twinDinner].map((x) => place(x.sitting, twin)));
    expect(both.map((x) => x.meal.subsidyFen > 0).sort()).toEqual([false, true]);

    // A centre's sittings of a day and their seat holders, read as the roster and kitchen read them.
    const day3 = await mealSittingsOfCentre(ds.manager, centreId, [lunch.sitting.day]);
    expect(day3.map((x) => [x.id, x.sitting])).toEqual([
      [lunch.slot.id, 'lunch'],
      [dinner.slot.id, 'dinner'],
    ]);
    const holders = await mealBookingsOfSittings(
      ds.manager,
      day3.map((x) => x.id),
      ['booked', 'offered', 'checked_in', 'no_show'],
    );
    expect(holders.map((h) => [h.slotId === lunch.slot.id ? 'lunch' : 'dinner', h.elderId, h.mode, h.status])).toEqual([
      ['lunch', b, 'dine_in', 'booked'],
      ['lunch', c, 'delivery', 'no_show'],
      ['dinner', e, 'dine_in', 'redeemed'],
      ['dinner', b, 'dine_in', 'booked'],
      ['dinner', c, 'dine_in', 'booked'],
      ['dinner', a, 'delivery', 'redeemed'],
    ]);

    // The pools count what was taken: lunch 1/1 dine-in, dinner 3/5.
    const pools = await ds.query('SELECT slotId, pool, held FROM slot_pools WHERE slotId IN (?, ?) ORDER BY slotId, pool', [lunch.slot.id, dinner.slot.id]);
    expect(pools.map((p: { pool: string; held: number }) => [p.pool, Number(p.held)])).toEqual([
      ['delivery', 1],
      ['dine_in', 1],
      ['delivery', 1],
      ['dine_in', 3],
    ]);
  });
});
