import { In, MoreThan, type EntityManager } from 'typeorm';
import {
  BOOKING_CHANNEL_LABEL,
  fullPrice,
  type BookingChannel,
  type BookingsSettings,
  type MealMode,
  type Price,
  type Sitting,
  type SlotBookingStatus,
} from '@hg/types';
import type { ActionContext } from '../../core/action';
import { invalidInput } from '../../core/errors';
import { countInStatuses, publishSlot, reserve, type SlotBookingView, type SlotView } from '../slots/public';
import { sameElderIds } from './daily-subsidy';
import { priceForElder } from './elder-verification';
import { Elder } from './elder.entity';
import { MealBooking } from './meal-booking.entity';
import { MealSitting } from './meal-sitting.entity';

/*
 * The meal programme on the slot engine. A sitting is an engine slot of kind `meal` whose venue is
 * the centre, with the pools `dine_in` and `delivery`, and a meal_sittings row (sitting, price,
 * menu); a meal booking is an engine booking whose holder is the elder and whose pool is the mode,
 * with a meal_bookings row (channel, price as booked, 备注). The engine takes the seat, keeps the
 * waitlist and the booking's life; the programme adds what only meals have, in the engine's
 * transaction (reserve's beforeSeat and alongside).
 */

/** A meal's pool is its mode. */
export const MEAL_POOL: Record<MealMode, string> = { dine_in: 'dine_in', delivery: 'delivery' };

export interface PublishMealSitting {
  centreId: number;
  sitting: Sitting;
  title: string;
  startsAt: Date;
  endsAt: Date;
  cutoffAt: Date;
  opensAt?: Date | null;
  quotaPerWeek?: number | null;
  capacityDineIn: number;
  capacityDelivery: number;
  priceFen: number;
  /** The menu as stored (DishDTO[] as JSON). */
  dishes: string;
  by: number;
  at: Date;
}

/**
 * Publish a meal sitting: the engine slot with its two pools, and its meal row. The meal row's
 * unique key (centreId, day, liveSitting) refuses a second live lunch or dinner on a day (the
 * transaction rolls the slot back with it).
 */
export async function publishMealSitting(em: EntityManager, p: PublishMealSitting): Promise<{ slot: SlotView; sitting: MealSitting }> {
  const slot = await publishSlot(em, {
    kind: 'meal',
    venueId: p.centreId,
    title: p.title,
    startsAt: p.startsAt,
    endsAt: p.endsAt,
    cutoffAt: p.cutoffAt,
    opensAt: p.opensAt ?? null,
    quotaPerWeek: p.quotaPerWeek ?? null,
    pools: [
      { pool: MEAL_POOL.dine_in, capacity: p.capacityDineIn },
      { pool: MEAL_POOL.delivery, capacity: p.capacityDelivery },
    ],
    by: p.by,
    at: p.at,
  });
  const sitting = em.create(MealSitting, {
    slotId: slot.id,
    centreId: p.centreId,
    day: slot.day,
    sitting: p.sitting,
    liveSitting: p.sitting,
    priceFen: p.priceFen,
    dishes: p.dishes,
    withdrawnAt: null,
  });
  await em.insert(MealSitting, sitting);
  return { slot, sitting };
}

/** Whether a delivered meal has somewhere to go: the address on the elder's profile. */
export const hasDeliveryAddress = (elder: Pick<Elder, 'address'>) => elder.address.trim().length > 0;

/** The answer to a delivery for an elder without an address: booked, the round would have nowhere to go. */
export const NO_DELIVERY_ADDRESS = '老人档案里没有送餐地址，请联系中心补充地址，或改为堂食';

/** Engine states in which a subsidised meal uses the day's subsidy: live, or taken, or missed (it was cooked). */
const SUBSIDY_STATUSES: readonly SlotBookingStatus[] = ['booked', 'offered', 'waitlisted', 'checked_in', 'checked_out', 'no_show'];

/**
 * How many subsidised meals the person (all her profiles) holds on `day`, at any centre and
 * sitting — a waitlisted one counts: if its seat comes, it is the day's subsidised meal. The meal
 * rows carry their day, so this is one read of meal_bookings, and one count by the engine only
 * when she has another subsidised meal that day.
 */
export async function subsidisedMealsOnDay(
  em: EntityManager,
  elderIds: readonly number[],
  day: string,
  except: { bookingId?: number; slotId?: number } = {},
): Promise<number> {
  const rows = await em.find(MealBooking, {
    where: { elderId: In([...elderIds]), day, subsidyFen: MoreThan(0) },
    select: { bookingId: true, slotId: true },
  });
  const ids = rows.filter((r) => r.bookingId !== except.bookingId && r.slotId !== except.slotId).map((r) => r.bookingId);
  return countInStatuses(em, ids, SUBSIDY_STATUSES);
}

/**
 * Bump the person's rows (`bookingSeq`): on MySQL the row locks serialise her bookings until
 * commit, so parallel taps cannot both pass the daily-subsidy count made after it.
 */
async function lockElder(em: EntityManager, elderIds: readonly number[]): Promise<void> {
  await em
    .createQueryBuilder()
    .update(Elder)
    .set({ bookingSeq: () => 'bookingSeq + 1' })
    .where('id IN (:...elderIds)', { elderIds })
    .execute();
}

/**
 * The price of a meal for the elder under the city's subsidy and its daily limit
 * (`subsidisedMealsPerDay`): past it the meal is at full price — it is still booked. In the
 * booking's transaction after lockElder, the count cannot miss a parallel booking of hers.
 */
export async function mealDayPrice(
  em: EntityManager,
  sitting: Pick<MealSitting, 'slotId' | 'day' | 'priceFen'>,
  elder: Elder,
  person: readonly number[],
  now: Date,
  settings: BookingsSettings,
): Promise<Price> {
  const price = priceForElder(sitting.priceFen, elder, now, settings);
  if (price.subsidyFen === 0) return price;
  return (await subsidisedMealsOnDay(em, person, sitting.day, { slotId: sitting.slotId })) >= settings.subsidisedMealsPerDay
    ? fullPrice(sitting.priceFen)
    : price;
}

export interface MealPlacement {
  sitting: Pick<MealSitting, 'slotId' | 'day' | 'priceFen'>;
  elder: Elder;
  mode: MealMode;
  requestId: string;
  bookedById: number;
  channel: BookingChannel;
  waitlist: boolean;
  now: Date;
  /** The city's subsidy in force, read once by the request (or timer run) that books. */
  settings: BookingsSettings;
  /** Runs in the booking's transaction once both rows are written (the elder told of a 代订). */
  alongside?: (em: EntityManager, booking: SlotBookingView, meal: MealBooking) => Promise<void>;
}

const CHANNEL_NOTE: Record<BookingChannel, string | null> = { ...BOOKING_CHANNEL_LABEL, self: null };

/**
 * The one way a meal is booked (by a person or a standing order), through the engine's `reserve`:
 * its unlocked reads answer a full sitting at once; in its transaction the slot is read under a
 * shared lock, then (beforeSeat) the elder's rows are locked and the meal priced by the day's
 * subsidised meals, the seat taken by a conditional update, the engine booking and its event
 * inserted and (alongside) the meal row. A repeated `(bookedById, requestId)` answers the first
 * booking; one live booking per elder and sitting is the engine's unique key (CONFLICT).
 */
export async function placeMealBooking(ctx: Pick<ActionContext, 'ds' | 'tx'>, p: MealPlacement): Promise<{ booking: SlotBookingView; meal: MealBooking }> {
  if (p.mode === 'delivery' && !hasDeliveryAddress(p.elder)) throw invalidInput('mode', NO_DELIVERY_ADDRESS);
  // A meal without a subsidy is priced without counting (nothing to lock or count for it).
  const base = priceForElder(p.sitting.priceFen, p.elder, p.now, p.settings);
  const person = base.subsidyFen > 0 ? await sameElderIds(ctx.ds.manager, p.elder) : [];
  let price: Price = base;
  let meal: MealBooking | null = null;
  const booking = await reserve(ctx, {
    slotId: p.sitting.slotId,
    pool: MEAL_POOL[p.mode],
    holder: { kind: 'elder', id: p.elder.id },
    requestId: p.requestId,
    bookedById: p.bookedById,
    waitlist: p.waitlist,
    note: CHANNEL_NOTE[p.channel],
    at: p.now,
    beforeSeat: async (em) => {
      if (base.subsidyFen === 0) return;
      // The first statement after the slot's lock takes the elder's rows: what follows counts her
      // subsidised meals as they stand once any parallel booking of hers has committed.
      await lockElder(em, person);
      price = await mealDayPrice(em, p.sitting, p.elder, person, p.now, p.settings);
    },
    alongside: async (em, b) => {
      const row = em.create(MealBooking, {
        bookingId: b.id,
        slotId: b.slotId,
        day: p.sitting.day,
        elderId: p.elder.id,
        channel: p.channel,
        priceFen: price.priceFen,
        subsidyFen: price.subsidyFen,
        payFen: price.payFen,
        tier: price.tier,
        paidBy: null,
        remark: null,
        remarkVoiceId: null,
        remarkVoiceSec: null,
      });
      await em.insert(MealBooking, row);
      meal = row;
      await p.alongside?.(em, b, row);
    },
  });
  // A repeated request answered the first booking: its meal row is the one written then.
  return { booking, meal: meal ?? (await ctx.ds.manager.findOneByOrFail(MealBooking, { bookingId: booking.id })) };
}
