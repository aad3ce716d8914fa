import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, SLOT_KINDS_ASKING_WHERE_AND_WHAT, SLOT_RULES, weekOf, type SlotBookingStatus } from '@hg/types';
import { dialectOf } from '../../core/data-source';
import { AppError, invalidInput, invalidTransition, isUniqueViolation, notFound } from '../../core/errors';
import { transition } from '../../core/state-machine';
import { recordEvent } from '../../core/subject-log';
import type { Notifier } from '../notifications/public';
import { tellAbout } from './messages';
import { activeKeyOf, newCode, releaseSeats, takeSeat } from './seats';
import { SlotBooking } from './slot-booking.entity';
import { SlotHolder } from './slot-holder.entity';
import { SlotPool } from './slot-pool.entity';
import { SLOT_BOOKING_MACHINE, type SlotBookingAction } from './slot-status';
import { EngineSlot } from './slot.entity';
import type { ExtraRecipients, Holder, SlotBookingView } from './views';

/** A booking event keeps a note of up to 200 characters (code points). */
const noteData = (note: string | null | undefined) => ({ note: note ? [...note].slice(0, 200).join('') : null });

/** Move an engine booking by one row of its machine (compare-and-set + one event row). */
export function moveSlotBooking(
  em: EntityManager,
  booking: SlotBooking,
  action: SlotBookingAction,
  opts: { by: number | null; at: Date; patch?: Partial<SlotBooking>; note?: string | null },
): Promise<SlotBookingStatus> {
  return transition({
    em,
    machine: SLOT_BOOKING_MACHINE,
    entity: SlotBooking,
    row: booking,
    action,
    patch: { ...opts.patch, updatedAt: opts.at },
    at: opts.at,
    conflictMessage: '该预约刚刚被其他人处理，请刷新后查看',
    actorId: opts.by,
    data: noteData(opts.note),
  });
}

export interface Reserve {
  slotId: number;
  /** The pool to take a seat of; the slot's only pool when omitted. */
  pool?: string;
  holder: Holder;
  /** The client's idempotency key: `(bookedById, requestId)` answers its first booking again. */
  requestId: string;
  bookedById: number;
  /**
   * Join the waitlist when the pool is full (else CAPACITY_FULL). A slot that takes no waitlist
   * answers CAPACITY_FULL with `details.waitlist: false` either way.
   */
  waitlist: boolean;
  /** Where and what, for kinds that ask (a visit). */
  place?: string | null;
  purpose?: string | null;
  /** A note on the creation event (how it was booked: 家属代订 …). */
  note?: string | null;
  at: Date;
  /**
   * The programme's own checks in the booking's transaction, after the slot's window and pool and
   * before the seat is taken (its own locks and counts; a refusal it throws rolls back).
   */
  beforeSeat?: (em: EntityManager, slot: ReservedSlot) => Promise<void>;
  /** The programme's own row, written in the same transaction with the engine booking's id. */
  alongside?: (em: EntityManager, booking: SlotBookingView) => Promise<void>;
}

/** What `beforeSeat` learns of the slot being booked. */
export type ReservedSlot = Pick<EngineSlot, 'id' | 'kind' | 'venueId' | 'day' | 'title' | 'startsAt' | 'cutoffAt'>;

/** The slot's window (published, before its cut-off, open), checked on every read of it. */
function checkWindow(slot: EngineSlot | null, at: Date): asserts slot is EngineSlot {
  if (!slot) throw notFound('时段');
  if (slot.status !== 'published') throw invalidTransition('该时段已撤回');
  if (at >= slot.cutoffAt) throw invalidTransition('已过预约截止时间');
  if (slot.opensAt && at < slot.opensAt) throw invalidTransition('尚未开放预约');
}

/** The answers to a full pool: the slot takes no waitlist, or the caller did not ask to wait. */
const fullNoWaitlist = () => new AppError(ErrorCode.CAPACITY_FULL, '名额已满，这个时段不排队候补', { waitlist: false });
const fullMayWait = () => new AppError(ErrorCode.CAPACITY_FULL, '名额已满，可以排队候补', { waitlist: true });

/**
 * The slot under a shared lock until the transaction ends, in one statement: on MySQL/MariaDB a
 * `LOCK IN SHARE MODE` read of its status and last change (a withdrawal or an edit waits for this
 * booking; a change in flight is waited for), and the row read before the transaction stands when
 * neither moved (an edit or a withdrawal always moves `updatedAt` or `status`), else it is read
 * again. The locking read is the transaction's first, so a later plain read's snapshot starts
 * after it. SQLite's transactions are queued (runInTransaction): a plain read is the same there.
 */
async function lockSlot(em: EntityManager, seen: EngineSlot): Promise<EngineSlot | null> {
  if (dialectOf(em.connection) === 'better-sqlite3') return em.findOne(EngineSlot, { where: { id: seen.id } });
  const rows: { status: string; updatedAt: Date | string }[] = await em.query('SELECT status, updatedAt FROM `slots` WHERE id = ? LOCK IN SHARE MODE', [
    seen.id,
  ]);
  if (!rows.length) return null;
  if (rows[0].status === seen.status && new Date(rows[0].updatedAt).getTime() === seen.updatedAt.getTime()) return seen;
  return em.findOne(EngineSlot, { where: { id: seen.id } });
}

/** Attempts when a fresh code collides with an existing one (1 in ~10⁹ per booking). */
const CODE_ATTEMPTS = 3;

interface Checked {
  seen: EngineSlot;
  pool: string;
  asks: boolean;
  place: string | null;
  purpose: string | null;
}

/**
 * Unlocked, before any transaction: one read of the slot with its pools, its window, where and
 * what for kinds that ask, the pool. In a rush most requests come after the last seat went; a
 * refusal is answered here without a transaction, so it does not queue behind the pool row's lock
 * (a seat freed a moment later goes to the waitlist's first). A waitlist request still takes the
 * locked path: its place must be in line before a seat that frees is passed on.
 */
async function check(em: EntityManager, r: Reserve): Promise<Checked> {
  const seen: (EngineSlot & { pools?: SlotPool[] }) | null = await em
    .createQueryBuilder(EngineSlot, 's')
    .leftJoinAndMapMany('s.pools', SlotPool, 'p', 'p.slotId = s.id')
    .where('s.id = :id', { id: r.slotId })
    .getOne();
  checkWindow(seen, r.at);
  const asks = SLOT_KINDS_ASKING_WHERE_AND_WHAT.includes(seen.kind);
  const place = r.place?.trim() || null;
  const purpose = r.purpose?.trim() || null;
  if (asks && !place) throw invalidInput('place', '请填写上门地址');
  if (asks && !purpose) throw invalidInput('purpose', '请说明需要什么服务');
  const pools = seen.pools ?? [];
  const pool = r.pool ?? (pools.length === 1 ? pools[0].pool : null);
  const seats = pools.find((p) => p.pool === pool);
  if (!pool || !seats) throw invalidInput('pool', '请选择预约方式');
  if (seats.held >= seats.capacity && !seen.waitlist) throw fullNoWaitlist();
  if (seats.held >= seats.capacity && !r.waitlist) throw fullMayWait();
  return { seen, pool, asks, place, purpose };
}

/**
 * The one way an engine booking is made. In one transaction: the slot read under a shared lock
 * (a withdrawal or an edit waits for it, and it sees theirs), its window checked, one seat taken
 * by a conditional update, the booking inserted with one event. One live booking per holder and
 * slot is a unique key (CONFLICT); a repeated `(bookedById, requestId)` answers the first booking;
 * a full pool is CAPACITY_FULL (`details.waitlist` says whether the slot takes a waitlist), or a
 * waitlist place when the caller asked for one and the slot takes it.
 */
export async function reserve(ctx: { ds: DataSource; tx<T>(work: (em: EntityManager) => Promise<T>): Promise<T> }, r: Reserve): Promise<SlotBookingView> {
  const first = () => ctx.ds.manager.findOne(SlotBooking, { where: { bookedById: r.bookedById, requestId: r.requestId } });
  // No look-up of the request id up front: a retried request is rare, and its answer is found
  // when it is refused (below) or when its insert meets the unique key (the catch further down).
  let checked: Checked;
  try {
    checked = await check(ctx.ds.manager, r);
  } catch (err) {
    const again = await first();
    if (again) return again;
    throw err;
  }
  const { seen, pool, asks, place, purpose } = checked;
  if (seen.quotaPerWeek) await ensureHolderRow(ctx, r.holder);
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.tx(async (em) => {
        // The shared lock: a withdrawal or an edit waits for this booking, and it sees theirs.
        const slot = await lockSlot(em, seen);
        checkWindow(slot, r.at);
        await r.beforeSeat?.(em, slot);
        if (slot.quotaPerWeek) await holdWeeklyQuota(em, slot, r.holder);
        const seated = await takeSeat(em, slot.id, pool);
        if (!seated && !slot.waitlist) throw fullNoWaitlist();
        if (!seated && !r.waitlist) throw fullMayWait();
        const status: SlotBookingStatus = seated ? 'booked' : 'waitlisted';
        const booking = await em.save(
          em.create(SlotBooking, {
            slotId: slot.id,
            venueId: slot.venueId,
            pool,
            holderKind: r.holder.kind,
            holderId: r.holder.id,
            status,
            activeKey: activeKeyOf(slot.id, r.holder.kind, r.holder.id),
            code: newCode(),
            requestId: r.requestId,
            bookedById: r.bookedById,
            place: asks ? [...place!].slice(0, SLOT_RULES.placeMax).join('') : null,
            purpose: asks ? [...purpose!].slice(0, SLOT_RULES.purposeMax).join('') : null,
            waitlistedAt: seated ? null : r.at,
            offerExpiresAt: null,
            checkedInAt: null,
            checkedInById: null,
            checkedOutAt: null,
            createdAt: r.at,
            updatedAt: r.at,
          }),
        );
        await recordEvent(em, {
          subjectKind: SLOT_BOOKING_MACHINE.name,
          subjectId: booking.id,
          action: status,
          to: status,
          actorId: r.bookedById,
          at: r.at,
          data: noteData(r.note),
        });
        if (r.alongside) await r.alongside(em, booking);
        return booking;
      });
    } catch (err) {
      // The transaction rolled back (the seat with it). A twin of this request that committed
      // first (it took the last seat, or the key) answers for it.
      const again = await first();
      if (again) return again;
      if (!isUniqueViolation(err)) throw err;
      const live = await ctx.ds.manager.findOne(SlotBooking, { where: { activeKey: activeKeyOf(r.slotId, r.holder.kind, r.holder.id) } });
      if (live) throw new AppError(ErrorCode.CONFLICT, '已预约这一时段');
      if (attempt >= CODE_ATTEMPTS) throw err;
    }
  }
}

/**
 * How a freed seat is offered: the window in minutes (SLOT_RULES.offerMinutes unless the programme
 * passes its own, e.g. a city setting) and, when the programme words its own message, `tell`.
 */
export interface OfferTerms {
  minutes?: number;
  tell?: (em: EntityManager, booking: SlotBookingView, offerEndsAt: Date) => Promise<void>;
}

/**
 * A seat of `pool` was freed: offer it to the first in line (the seat stays held, now for them,
 * until min(now + offerMinutes, cut-off)) or give it back. Runs in the caller's transaction; a
 * waitlisted booking another transaction already moved is skipped (its compare-and-set fails).
 */
export async function passSeatOn(
  em: EntityManager,
  slot: Pick<EngineSlot, 'id' | 'day' | 'title' | 'cutoffAt'>,
  pool: string,
  at: Date,
  notifier: Notifier,
  extra?: ExtraRecipients,
  offer: OfferTerms = {},
): Promise<SlotBookingView | null> {
  if (at < slot.cutoffAt) {
    const line = await em.find(SlotBooking, { where: { slotId: slot.id, pool, status: 'waitlisted' }, order: { id: 'ASC' }, take: 5 });
    const minutes = offer.minutes ?? SLOT_RULES.offerMinutes;
    const offerEnds = new Date(Math.min(at.getTime() + minutes * 60_000, slot.cutoffAt.getTime()));
    for (const next of line) {
      try {
        await moveSlotBooking(em, next, 'offer', { by: null, at, patch: { offerExpiresAt: offerEnds }, note: '有名额空出，候补到位' });
      } catch (err) {
        if (err instanceof AppError) continue;
        throw err;
      }
      if (offer.tell) await offer.tell(em, next, offerEnds);
      else await tellAbout(em, notifier, next, '候补到位，请确认', `${slot.day} ${slot.title}：请在${minutes}分钟内确认`, extra);
      return next;
    }
  }
  await releaseSeats(em, slot.id, pool);
  return null;
}

export interface Step {
  by: number | null;
  at: Date;
  notifier: Notifier;
  note?: string | null;
  extra?: ExtraRecipients;
  /** How a seat this step frees is offered on (the engine's window and message by default). */
  offer?: OfferTerms;
}

/** Live booking states that hold a seat (cancelling one frees it). */
const HOLDS_SEAT: readonly SlotBookingStatus[] = ['booked', 'offered'];

/**
 * Cancel a live booking (before the slot's cut-off unless `afterCutoff`, which an organiser may
 * allow); a seat it held goes to the first in line or back to the pool.
 */
export async function cancelSlotBooking(em: EntityManager, bookingId: number, s: Step & { afterCutoff?: boolean }): Promise<SlotBookingView> {
  const booking = await em.findOne(SlotBooking, { where: { id: bookingId } });
  if (!booking) throw notFound('预约');
  const slot = await em.findOneByOrFail(EngineSlot, { id: booking.slotId });
  if (!s.afterCutoff && s.at >= slot.cutoffAt) throw invalidTransition('已过截止时间，请联系组织方取消');
  const held = HOLDS_SEAT.includes(booking.status);
  await moveSlotBooking(em, booking, 'cancel', { by: s.by, at: s.at, patch: { activeKey: null, offerExpiresAt: null }, note: s.note });
  if (held) await passSeatOn(em, slot, booking.pool, s.at, s.notifier, s.extra, s.offer);
  return booking;
}

/** Take up an offered seat before the offer lapses. */
export async function acceptOffer(em: EntityManager, bookingId: number, s: Omit<Step, 'notifier'>): Promise<SlotBookingView> {
  const booking = await em.findOne(SlotBooking, { where: { id: bookingId } });
  if (!booking) throw notFound('预约');
  if (booking.status === 'offered' && booking.offerExpiresAt && booking.offerExpiresAt <= s.at) throw invalidTransition('候补名额已过确认时间');
  await moveSlotBooking(em, booking, 'accept', { by: s.by, at: s.at, patch: { offerExpiresAt: null }, note: s.note });
  return booking;
}

/** States that count against a weekly quota: everything live or used. */
const QUOTA_STATUSES: SlotBookingStatus[] = ['booked', 'offered', 'waitlisted', 'checked_in', 'checked_out', 'no_show'];

/**
 * The holder's lock row exists before the booking's transaction locks it: created inside, two
 * first bookings would take gap locks on the missing key and deadlock each other on MySQL.
 */
async function ensureHolderRow(ctx: { ds: DataSource; tx<T>(work: (em: EntityManager) => Promise<T>): Promise<T> }, holder: Holder): Promise<void> {
  if (await ctx.ds.manager.exists(SlotHolder, { where: { holderKind: holder.kind, holderId: holder.id } })) return;
  try {
    await ctx.tx((em) => em.insert(SlotHolder, { holderKind: holder.kind, holderId: holder.id, seq: 0 }));
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
}

/**
 * A weekly quota ("one consultation a week"): bump the holder's lock row first (on MySQL its row
 * lock serialises this holder's bookings until commit, so parallel taps cannot both pass the
 * count), then count the holder's bookings of this venue and kind in the slot's ISO week with a
 * locking read.
 */
async function holdWeeklyQuota(em: EntityManager, slot: EngineSlot, holder: Holder): Promise<void> {
  const bumped = await em.update(SlotHolder, { holderKind: holder.kind, holderId: holder.id }, { seq: () => 'seq + 1' });
  if (bumped.affected !== 1) throw new AppError(ErrorCode.CONFLICT, '请稍后重试');
  const count = em
    .createQueryBuilder(SlotBooking, 'b')
    .innerJoin(EngineSlot, 's', 's.id = b.slotId')
    .select('COUNT(*)', 'n')
    .where('b.holderKind = :kind AND b.holderId = :holderId', { kind: holder.kind, holderId: holder.id })
    .andWhere('s.venueId = :venueId AND s.kind = :slotKind AND s.day IN (:...days) AND b.status IN (:...statuses)', {
      venueId: slot.venueId,
      slotKind: slot.kind,
      days: weekOf(slot.day),
      statuses: QUOTA_STATUSES,
    });
  // A locking read (FOR UPDATE: MariaDB has no FOR SHARE) sees what the holder's previous booking
  // committed while this one waited on the lock row; a plain read would answer from the snapshot
  // taken by the slot's read before it.
  if (em.connection.options.type !== 'better-sqlite3') count.setLock('pessimistic_write');
  const row: { n: number | string } | undefined = await count.getRawOne();
  if (Number(row?.n ?? 0) >= slot.quotaPerWeek!) throw new AppError(ErrorCode.RATE_LIMITED, `每周最多预约${slot.quotaPerWeek}次，本周已约满`);
}
