import { In, type EntityManager } from 'typeorm';
import { CARE_ROLES, type BookingStatus, type MealMode, type PaidBy, type SlotBookingStatus } from '@hg/types';
import { invalidTransition } from '../../core/errors';
import type { Message, Notifier } from '../notifications/public';
import {
  acceptOffer,
  bookingsOfSlots,
  cancelSlotBooking,
  checkIn,
  markAbsent,
  slotBookingsByIds,
  slotsByIds,
  type KindTerms,
  type OfferTerms,
  type SlotBookingView,
  type SlotView,
} from '../slots/public';
import { usersWithRoleOver } from '../identity/public';
import { offerDeadline } from './booking-flow';
import { loadCentre } from './centres';
import { Elder } from './elder.entity';
import { MealBooking } from './meal-booking.entity';
import { MealSitting } from './meal-sitting.entity';
import { readSubsidySettings } from './subsidy-settings';

/*
 * The meal programme's read model and steps over the engine: a sitting and a booking read back in
 * the shape the programme's presenter, reports and timers already use (the old booking_slots and
 * bookings rows), and the meal's steps as engine moves plus the meal row's own fields.
 */

/** The engine's booking state as the meal DTO names it: a check-in is 已核销 / 已送达; a withdrawal by a 休息日 a cancellation. */
export function mealStatus(s: SlotBookingStatus): BookingStatus {
  switch (s) {
    case 'checked_in':
    case 'checked_out':
      return 'redeemed';
    case 'withdrawn':
      return 'cancelled';
    default:
      return s;
  }
}

/** A meal sitting read back: the engine slot, its two pools and its meal row. */
export interface MealSittingRow {
  id: number;
  centreId: number;
  kind: 'meal';
  day: string;
  sitting: MealSitting['sitting'];
  title: string;
  startsAt: Date;
  endsAt: Date;
  cutoffAt: Date;
  opensAt: Date | null;
  quotaPerWeek: number | null;
  capacityDineIn: number;
  capacityDelivery: number;
  heldDineIn: number;
  heldDelivery: number;
  priceFen: number;
  dishes: string;
  createdById: number;
  createdAt: Date;
  withdrawnAt: Date | null;
}

/** A meal booking read back: the engine booking and its meal row. */
export interface MealBookingRow {
  id: number;
  slotId: number;
  centreId: number;
  elderId: number;
  mode: MealMode;
  status: BookingStatus;
  code: string;
  requestId: string;
  bookedById: number;
  channel: MealBooking['channel'];
  priceFen: number;
  subsidyFen: number;
  payFen: number;
  tier: MealBooking['tier'];
  waitlistedAt: Date | null;
  offerExpiresAt: Date | null;
  redeemedAt: Date | null;
  redeemedById: number | null;
  paidBy: PaidBy | null;
  createdAt: Date;
  updatedAt: Date;
  remark: string | null;
  remarkVoiceId: string | null;
  remarkVoiceSec: number | null;
}

export function sittingRow(slot: SlotView, meal: MealSitting): MealSittingRow {
  const pool = (name: string) => slot.pools.find((p) => p.pool === name) ?? { capacity: 0, held: 0 };
  return {
    id: slot.id,
    centreId: meal.centreId,
    kind: 'meal',
    day: slot.day,
    sitting: meal.sitting,
    title: slot.title,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    cutoffAt: slot.cutoffAt,
    opensAt: slot.opensAt,
    quotaPerWeek: slot.quotaPerWeek,
    capacityDineIn: pool('dine_in').capacity,
    capacityDelivery: pool('delivery').capacity,
    heldDineIn: pool('dine_in').held,
    heldDelivery: pool('delivery').held,
    priceFen: meal.priceFen,
    dishes: meal.dishes,
    createdById: slot.createdById,
    createdAt: slot.createdAt,
    withdrawnAt: meal.withdrawnAt,
  };
}

export function bookingRow(b: SlotBookingView, meal: MealBooking): MealBookingRow {
  return {
    id: b.id,
    slotId: b.slotId,
    centreId: b.venueId,
    elderId: meal.elderId,
    mode: b.pool as MealMode,
    status: mealStatus(b.status),
    code: b.code,
    requestId: b.requestId,
    bookedById: b.bookedById,
    channel: meal.channel,
    priceFen: meal.priceFen,
    subsidyFen: meal.subsidyFen,
    payFen: meal.payFen,
    tier: meal.tier,
    waitlistedAt: b.waitlistedAt,
    offerExpiresAt: b.offerExpiresAt,
    redeemedAt: b.checkedInAt,
    redeemedById: b.checkedInById,
    paidBy: meal.paidBy,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
    remark: meal.remark,
    remarkVoiceId: meal.remarkVoiceId,
    remarkVoiceSec: meal.remarkVoiceSec,
  };
}

/** A message about a meal booking: it opens the meal booking (subject kind `booking`, the engine booking's id). */
export function mealMessage(bookingId: number, title: string, body: string): Message {
  return { kind: 'booking_update', subject: { subjectKind: 'booking', subjectId: bookingId }, title, body };
}

/** Meal sittings by engine slot id (two reads for the slots and pools, one for the meal rows); ids that are not meals are absent. */
export async function mealSittingsByIds(em: EntityManager, ids: readonly number[]): Promise<Map<number, MealSittingRow>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const meals = await em.find(MealSitting, { where: { slotId: In(unique) } });
  const slots = await slotsByIds(
    em,
    meals.map((m) => m.slotId),
  );
  return new Map(meals.filter((m) => slots.has(m.slotId)).map((m) => [m.slotId, sittingRow(slots.get(m.slotId)!, m)]));
}

/** Meal bookings by engine booking id; ids that are not meals are absent. */
export async function mealBookingsByIds(em: EntityManager, ids: readonly number[]): Promise<Map<number, MealBookingRow>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const meals = await em.find(MealBooking, { where: { bookingId: In(unique) } });
  const engine = await slotBookingsByIds(
    em,
    meals.map((m) => m.bookingId),
  );
  return new Map(meals.filter((m) => engine.has(m.bookingId)).map((m) => [m.bookingId, bookingRow(engine.get(m.bookingId)!, m)]));
}

/** A centre's meal sittings on these days (live and withdrawn), by day and sitting. */
export async function mealSittingsOfCentre(em: EntityManager, centreId: number, days: readonly string[]): Promise<MealSittingRow[]> {
  if (!days.length) return [];
  const meals = await em.find(MealSitting, { where: { centreId, day: In([...days]) } });
  const rows = [
    ...(
      await mealSittingsByIds(
        em,
        meals.map((m) => m.slotId),
      )
    ).values(),
  ];
  return rows.sort((a, b) => a.day.localeCompare(b.day) || a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id);
}

/** The meal bookings of these sittings in one of the engine's `statuses` (a roster, a kitchen sheet, a delivery round). */
export async function mealBookingsOfSittings(em: EntityManager, slotIds: readonly number[], statuses: readonly SlotBookingStatus[]): Promise<MealBookingRow[]> {
  const engine = await bookingsOfSlots(em, slotIds, statuses);
  if (!engine.length) return [];
  const meals = new Map((await em.find(MealBooking, { where: { bookingId: In(engine.map((b) => b.id)) } })).map((m) => [m.bookingId, m]));
  return engine.filter((b) => meals.has(b.id)).map((b) => bookingRow(b, meals.get(b.id)!));
}

/**
 * How a freed meal seat is offered: for the city's window (`offerMinutes`, default 2 hours: an elder
 * may be at the market, not at her phone), told to her own account and whoever booked, with the
 * hour the offer lapses.
 */
export async function mealOfferTerms(em: EntityManager, sitting: Pick<MealSittingRow, 'day' | 'title'>, notifier: Notifier): Promise<OfferTerms> {
  const { offerMinutes } = await readSubsidySettings(em);
  return {
    minutes: offerMinutes,
    tell: async (tx, booking, endsAt) => {
      const meal = await tx.findOneByOrFail(MealBooking, { bookingId: booking.id });
      const elder = await tx.findOne(Elder, { where: { id: meal.elderId }, select: { id: true, userId: true } });
      await notifier.to(
        tx,
        [elder?.userId, booking.bookedById],
        mealMessage(booking.id, '候补到位，请确认', `${sitting.day} ${sitting.title}：请在${offerDeadline(endsAt)}前确认`),
      );
    },
  };
}

export interface MealStep {
  by: number;
  at: Date;
  notifier: Notifier;
}

/**
 * 取消: a held seat only before the cut-off (after it the meal is being cooked: call the centre); a
 * waitlist place at any time. A held seat passes to the first in line on the meal's offer terms.
 */
export async function cancelMeal(em: EntityManager, row: MealBookingRow, sitting: MealSittingRow, s: MealStep & { note?: string | null }): Promise<void> {
  const held = row.status === 'booked' || row.status === 'offered';
  if (held && s.at.getTime() >= sitting.cutoffAt.getTime()) throw invalidTransition('已过截止时间，不能取消；如不能来请联系中心');
  const offer = await mealOfferTerms(em, sitting, s.notifier);
  await cancelSlotBooking(em, row.id, { by: s.by, at: s.at, notifier: s.notifier, note: s.note, afterCutoff: !held, offer });
}

/** 确认候补: take up the offered seat before the offer lapses. */
export async function confirmMeal(em: EntityManager, row: MealBookingRow, s: Omit<MealStep, 'notifier'>): Promise<void> {
  await acceptOffer(em, row.id, { by: s.by, at: s.at });
}

/**
 * 核销 at the counter (dine-in) or 送达 at the door (delivery): the engine's check-in on the
 * sitting's day, the delivery noted 送达; how the elder's share was paid on the meal row.
 */
export async function handOverMeal(
  em: EntityManager,
  row: MealBookingRow,
  s: Omit<MealStep, 'notifier'> & { paidBy?: PaidBy; how?: string | null },
): Promise<void> {
  const note = row.mode === 'delivery' ? '送达' : (s.how ?? null);
  await checkIn(em, { bookingId: row.id }, { by: s.by, at: s.at, note });
  await em.update(MealBooking, { bookingId: row.id }, { paidBy: row.payFen === 0 ? 'none' : (s.paidBy ?? null) });
}

/** 不在家 / 拒收: a delivered meal the round could not hand over — the engine's staff-marked absence, the reason in its note. */
export async function missMeal(em: EntityManager, row: MealBookingRow, s: Omit<MealStep, 'notifier'> & { note: string }): Promise<void> {
  if (row.mode !== 'delivery') throw invalidTransition('这是堂食预订，不是送餐');
  await markAbsent(em, row.id, { by: s.by, at: s.at, note: s.note });
}

/** Whom a meal booking's news reaches: the elder in her own account, and whoever booked it. */
async function elderAndBooker(em: EntityManager, booking: SlotBookingView): Promise<(number | null | undefined)[]> {
  const meal = await em.findOne(MealBooking, { where: { bookingId: booking.id }, select: { bookingId: true, elderId: true } });
  const elder = meal ? await em.findOne(Elder, { where: { id: meal.elderId } }) : null;
  return [elder?.userId, booking.bookedById];
}

/**
 * The meal programme's terms for the engine's timers on meal slots: a freed seat is offered for the
 * city's window in the meal's words; a lapsed offer is told to the elder and booker and, as an elder
 * rarely watches her phone, to every staff member of the centre (call her and ask whether she still
 * wants a meal, book again for her if so); a waitlist closed at the cut-off is told in the meal's words.
 */
export const MEAL_TERMS: KindTerms = {
  offer: (em, slot, notifier) => mealOfferTerms(em, slot, notifier),
  async offerLapsed(em, booking, slot, notifier) {
    await notifier.to(
      em,
      await elderAndBooker(em, booking),
      mealMessage(booking.id, '候补名额已失效', `${slot.day} ${slot.title}：未在时限内确认，名额已让给下一位`),
    );
    const meal = await em.findOne(MealBooking, { where: { bookingId: booking.id } });
    const elder = meal ? await em.findOne(Elder, { where: { id: meal.elderId } }) : null;
    if (!elder) return;
    const { centre, community } = await loadCentre(em, slot.venueId);
    const staff = await usersWithRoleOver(em, CARE_ROLES, { streetId: community.streetId, communityId: community.id }, centre.id);
    await notifier.to(
      em,
      staff,
      mealMessage(
        booking.id,
        `请致电${elder.name}老人确认`,
        `${elder.name}老人${slot.day} ${slot.title}的候补名额未在时限内确认，已失效。请致电${elder.name}老人确认是否还要用餐，需要时可为老人代订。`,
      ),
    );
  },
  async waitlistClosed(em, booking, slot, notifier) {
    await notifier.to(
      em,
      await elderAndBooker(em, booking),
      mealMessage(booking.id, '候补未到位', `${slot.day} ${slot.title}：截止前没有空出名额，候补已结束`),
    );
  },
};
