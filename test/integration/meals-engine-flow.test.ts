import crypto from 'node:crypto';
import { DataSource, In, type DataSourceOptions } from 'typeorm';
import { BOOKINGS_SETTINGS_DEFAULTS, ErrorCode, localDay } from '@hg/types';
import { clock } from '../../cloud/src/core/clock';
import { runInTransaction } from '../../cloud/src/core/data-source';
import { AppError } from '../../cloud/src/core/errors';
import { Elder } from '../../cloud/src/modules/bookings/elder.entity';
import { MealBooking } from '../../cloud/src/modules/bookings/meal-booking.entity';
import { placeMealBooking, publishMealSitting } from '../../cloud/src/modules/bookings/meal-flow';
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
    const [a, b, c, d] = [await register('引擎甲'), await register('引擎乙'), await register('引擎丙'), await register('引擎丁', ' ')];
    // 高龄 (80+), verified: a subsidised meal.
    await db.ds.manager.update(Elder, { id: In([a, b, c]) }, { verifiedAt: clock.now(), verifiedById: 1 });

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
    if (process.env.SHOW_STATEMENTS) console.log([...seated.statements, '--', ...refused.statements].join('\n'));
    // The meal's own statements (without the caller's identity and the answer's presenter).
    expect({ seated: seated.statements.length, refused: refused.statements.length }).toEqual({ seated: 11, refused: 2 });

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
    // The pools count what was taken: lunch 1/1 dine-in, dinner 2/5.
    const pools = await ds.query('SELECT slotId, pool, held FROM slot_pools WHERE slotId IN (?, ?) ORDER BY slotId, pool', [lunch.slot.id, dinner.slot.id]);
    expect(pools.map((p: { pool: string; held: number }) => [p.pool, Number(p.held)])).toEqual([
      ['delivery', 0],
      ['dine_in', 1],
      ['delivery', 0],
      ['dine_in', 2],
    ]);
  });
});
