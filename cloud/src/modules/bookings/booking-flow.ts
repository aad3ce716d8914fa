import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  BOOKING_CHANNEL_LABEL,
  BOOKING_RULES,
  ErrorCode,
  fullPrice,
  weekOf,
  type BookingChannel,
  type BookingStatus,
  type BookingsSettings,
  type MealMode,
  type Price,
} from '@hg/types';
import type { ActionContext } from '../../core/action';
import { AppError, invalidInput, isUniqueViolation } from '../../core/errors';
import { transition, transitionMany } from '../../core/state-machine';
import { recordEvent } from '../../core/subject-log';
import type { Message, Notifier } from '../notifications/public';
import { BOOKING_MACHINE, type BookingAction } from './booking-status';
import { Booking } from './booking.entity';
import { Elder } from './elder.entity';
import { priceForElder } from './elder-verification';
import { readSubsidySettings } from './subsidy-settings';
import { sameElderIds, subsidisedMealsOn } from './daily-subsidy';

import { Slot } from './slot.entity';

/** The seat counter and capacity columns of a mode. */
const SEAT_COLUMNS: Record<MealMode, { held: 'heldDineIn' | 'heldDelivery'; capacity: 'capacityDineIn' | 'capacityDelivery' }> = {
  dine_in: { held: 'heldDineIn', capacity: 'capacityDineIn' },
  delivery: { held: 'heldDelivery', capacity: 'capacityDelivery' },
};

/**
 * Take one seat: `UPDATE booking_slots SET held = held + 1 WHERE id = ? AND held < capacity`. On
 * MySQL the row lock serialises the bookings of one slot until their transactions end; the
 * condition makes the 301st of 300 fail. Returns false when the slot is full.
 */
export async function takeSeat(em: EntityManager, slotId: number, mode: MealMode): Promise<boolean> {
  const { held, capacity } = SEAT_COLUMNS[mode];
  const res = await em
    .createQueryBuilder()
    .update(Slot)
    .set({ [held]: () => `${held} + 1` })
    .where(`id = :slotId AND ${held} < ${capacity}`, { slotId })
    .execute();
  return res.affected === 1;
}

/** Give a seat back (a held booking ended without passing it on). */
export async function releaseSeat(em: EntityManager, slotId: number, mode: MealMode): Promise<void> {
  const { held } = SEAT_COLUMNS[mode];
  await em
    .createQueryBuilder()
    .update(Slot)
    .set({ [held]: () => `${held} - 1` })
    .where(`id = :slotId AND ${held} > 0`, { slotId })
    .execute();
}

/** A fresh counter code: 6 characters without look-alikes (0/O, 1/I/L). Unique by index. */
export function newCode(): string {
  const alphabet = BOOKING_RULES.codeAlphabet;
  let code = '';
  for (let i = 0; i < BOOKING_RULES.codeLength; i++) code += alphabet[crypto.randomInt(alphabet.length)];
  return code;
}

/** "<slotId>:<elderId>": the unique key of a live booking. */
export const activeKeyOf = (slotId: number, elderId: number) => `${slotId}:${elderId}`;

/** A booking's rows in the subject log are filed under the machine's name. */
export const BOOKING_SUBJECT = BOOKING_MACHINE.name;

/** A booking event keeps a note of up to 200 characters (code points). */
const noteData = (note: string | null | undefined) => ({ note: note ? [...note].slice(0, 200).join('') : null });

/** Move a booking by one row of BOOKING_MACHINE (compare-and-set + one event row). */
export async function moveBooking(
  em: EntityManager,
  booking: Booking,
  action: BookingAction,
  opts: { by: number | null; at: Date; patch?: Partial<Booking>; note?: string | null },
): Promise<BookingStatus> {
  return transition({
    em,
    machine: BOOKING_MACHINE,
    entity: Booking,
    row: booking,
    action,
    patch: { ...opts.patch, updatedAt: opts.at },
    at: opts.at,
    conflictMessage: '该预订刚刚被其他人处理，请刷新后查看',
    actorId: opts.by,
    data: noteData(opts.note),
  });
}

/**
 * Move many bookings by one row of BOOKING_MACHINE at once (timers): one conditional UPDATE and
 * one multi-row INSERT into the subject log; a booking someone moved since it was read stays.
 */
export function moveBookings(
  em: EntityManager,
  bookings: readonly Booking[],
  action: BookingAction,
  opts: { by: number | null; at: Date; patch?: Partial<Booking>; note?: string | null },
): Promise<Booking[]> {
  return transitionMany({
    em,
    machine: BOOKING_MACHINE,
    entity: Booking,
    rows: bookings,
    action,
    patch: { ...opts.patch, updatedAt: opts.at },
    at: opts.at,
    actorId: opts.by,
    data: noteData(opts.note),
  });
}

/** A message about a booking to the elder (if they use the app) and whoever booked it. */
export function bookingMessage(booking: Booking, title: string, body: string): Message {
  return { kind: 'booking_update', subject: { subjectKind: 'booking', subjectId: booking.id }, title, body };
}

/**
 * A seat of `mode` at `slot` was freed by `freed` (cancelled or lapsed): offer it to the first in
 * line (the seat stays held, now for them) or give it back. Runs in the caller's transaction; a
 * waitlisted booking another transaction already moved is skipped (its compare-and-set fails).
 */
export async function passSeatOn(
  em: EntityManager,
  slot: Slot,
  mode: MealMode,
  at: Date,
  notifier: Notifier,
  elderUser: (elderId: number) => Promise<Pick<Elder, 'userId'> | null>,
): Promise<Booking | null> {
  const line = await em.find(Booking, { where: { slotId: slot.id, mode, status: 'waitlisted' }, order: { id: 'ASC' }, take: 5 });
  if (!line.length) {
    await releaseSeat(em, slot.id, mode);
    return null;
  }
  // The city's offer window (default 2 hours: an elder may be at the market, not at her phone).
  const settings = await readSubsidySettings(em);
  const offerEnds = new Date(Math.min(at.getTime() + settings.offerMinutes * 60_000, slot.cutoffAt.getTime()));
  for (const next of line) {
    try {
      await moveBooking(em, next, 'offer', { by: null, at, patch: { offerExpiresAt: offerEnds }, note: '有名额空出，候补到位' });
    } catch {
      continue;
    }
    const elder = await elderUser(next.elderId);
    await notifier.to(
      em,
      [elder?.userId, next.bookedById],
      bookingMessage(next, '候补到位，请确认', `${slot.day} ${slot.title}：请在${offerDeadline(offerEnds)}前确认`),
    );
    return next;
  }
  await releaseSeat(em, slot.id, mode);
  return null;
}

/** 「12月8日 14:30」 (Beijing time): when an offer lapses, as the elder reads it (a 2-hour window may end tomorrow). */
export function offerDeadline(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${Number(local.slice(5, 7))}月${Number(local.slice(8, 10))}日 ${local.slice(11, 16)}`;
}

/** Attempts when a fresh counter code collides with an existing one (1 in ~10⁹ per booking). */
const CODE_ATTEMPTS = 3;

export interface Placement {
  slot: Slot;
  elder: Elder;
  mode: MealMode;
  requestId: string;
  bookedById: number;
  channel: BookingChannel;
  waitlist: boolean;
  now: Date;
  /** The city's subsidy in force, read once by the request (or timer run) that books. */
  settings: BookingsSettings;
  /** Runs in the booking's transaction once the row is written (the elder told of a 代订). */
  alongside?: (em: EntityManager, booking: Booking) => Promise<void>;
}

/**
 * The one way a booking is made (by a person or by a standing order): in one transaction take a
 * seat with a conditional update and insert the booking. The counter moves only with a row that
 * holds a seat; one live booking per elder and slot is a unique key (CONFLICT); a repeated
 * `(bookedById, requestId)` answers the first booking; full → CAPACITY_FULL, or a waitlist place.
 */
/** Whether a delivered meal has somewhere to go: the address on the elder's profile. */
export const hasDeliveryAddress = (elder: Pick<Elder, 'address'>) => elder.address.trim().length > 0;

/** The answer to a delivery for an elder without an address: booked, the round would have nowhere to go. */
export const NO_DELIVERY_ADDRESS = '老人档案里没有送餐地址，请联系中心补充地址，或改为堂食';

export async function placeBooking(ctx: Pick<ActionContext, 'ds' | 'tx'>, p: Placement): Promise<Booking> {
  if (p.mode === 'delivery' && !hasDeliveryAddress(p.elder)) throw invalidInput('mode', NO_DELIVERY_ADDRESS);
  const first = () => ctx.ds.manager.findOne(Booking, { where: { bookedById: p.bookedById, requestId: p.requestId } });
  const person = await sameElderIds(ctx.ds.manager, p.elder);
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.tx(async (em) => {
        // The first statement locks the elder's rows (all her profiles), so what follows counts
        // her bookings as they stand once any parallel booking of hers has committed.
        await lockElder(em, person);
        if (p.slot.quotaPerWeek) await holdWeeklyQuota(em, p.slot, p.elder.id);
        const price = await dayPrice(em, p.slot, p.elder, person, p.now, p.settings);
        const seated = await takeSeat(em, p.slot.id, p.mode);
        if (!seated && !p.waitlist) throw new AppError(ErrorCode.CAPACITY_FULL, '名额已满，可以加入候补');
        const status: BookingStatus = seated ? 'booked' : 'waitlisted';
        const booking = await em.save(
          em.create(Booking, {
            slotId: p.slot.id,
            centreId: p.slot.centreId,
            elderId: p.elder.id,
            mode: p.mode,
            status,
            activeKey: activeKeyOf(p.slot.id, p.elder.id),
            code: newCode(),
            requestId: p.requestId,
            bookedById: p.bookedById,
            channel: p.channel,
            priceFen: price.priceFen,
            subsidyFen: price.subsidyFen,
            payFen: price.payFen,
            tier: price.tier,
            waitlistedAt: seated ? null : p.now,
            offerExpiresAt: null,
            redeemedAt: null,
            redeemedById: null,
            paidBy: null,
            createdAt: p.now,
            updatedAt: p.now,
          }),
        );
        await recordEvent(em, {
          subjectKind: BOOKING_SUBJECT,
          subjectId: booking.id,
          action: status,
          to: status,
          actorId: p.bookedById,
          at: p.now,
          data: noteData(BOOKING_CHANNEL_NOTE[p.channel]),
        });
        await p.alongside?.(em, booking);
        return booking;
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // The transaction rolled back (the seat with it). Which rule held?
      const again = await first();
      if (again) return again;
      const live = await ctx.ds.manager.findOne(Booking, { where: { activeKey: activeKeyOf(p.slot.id, p.elder.id) } });
      if (live) throw new AppError(ErrorCode.CONFLICT, '该老人已预订这一时段');
      if (attempt >= CODE_ATTEMPTS) throw err;
    }
  }
}

/** States that count against a quota: everything still live or used. */
const QUOTA_STATUSES: BookingStatus[] = ['booked', 'offered', 'waitlisted', 'redeemed', 'no_show'];

/**
 * Bump the person's rows (`bookingSeq`): on MySQL the row locks serialise her bookings until
 * commit, so parallel taps cannot both pass a count made after it (weekly quota, daily subsidy).
 */
async function lockElder(em: EntityManager, elderIds: number[]): Promise<void> {
  await em
    .createQueryBuilder()
    .update(Elder)
    .set({ bookingSeq: () => 'bookingSeq + 1' })
    .where('id IN (:...elderIds)', { elderIds })
    .execute();
}

/**
 * The price of a meal for the elder under the city's subsidy and its daily limit
 * (`subsidisedMealsPerDay`, default 1): past it the meal is at full price — it is still booked.
 * Called after lockElder in the booking's transaction, the count cannot miss a parallel booking.
 */
export async function dayPrice(em: EntityManager, slot: Slot, elder: Elder, person: number[], now: Date, settings: BookingsSettings): Promise<Price> {
  const price = priceForElder(slot.priceFen, elder, now, settings);
  if (slot.kind !== 'meal' || price.subsidyFen === 0) return price;
  return (await subsidisedMealsOn(em, person, slot.day, { slotId: slot.id })) >= settings.subsidisedMealsPerDay ? fullPrice(slot.priceFen) : price;
}

/**
 * A weekly quota ("1 consultation a week"), after lockElder: count the elder's live bookings of
 * this centre and kind in the slot's ISO week.
 */
async function holdWeeklyQuota(em: EntityManager, slot: Slot, elderId: number): Promise<void> {
  const days = weekOf(slot.day);
  const row: { n: number | string } | undefined = await em
    .createQueryBuilder(Booking, 'b')
    .innerJoin(Slot, 's', 's.id = b.slotId')
    .select('COUNT(*)', 'n')
    .where('b.elderId = :elderId AND s.centreId = :centreId AND s.kind = :kind AND s.day IN (:...days) AND b.status IN (:...statuses)', {
      elderId,
      centreId: slot.centreId,
      kind: slot.kind,
      days,
      statuses: QUOTA_STATUSES,
    })
    .getRawOne();
  if (Number(row?.n ?? 0) >= slot.quotaPerWeek!) throw new AppError(ErrorCode.RATE_LIMITED, `每周最多预约${slot.quotaPerWeek}次，本周已约满`);
}

const BOOKING_CHANNEL_NOTE: Record<BookingChannel, string | null> = { ...BOOKING_CHANNEL_LABEL, self: null };
