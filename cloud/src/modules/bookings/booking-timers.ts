import { LessThanOrEqual } from 'typeorm';
import { CARE_ROLES } from '@hg/types';
import { AppError } from '../../core/errors';
import type { TimerContext, TimerJob } from '../../core/module';
import { usersWithRoleOver } from '../identity/public';
import { Notifier } from '../notifications/public';
import { bookingMessage, moveBooking, moveBookings, passSeatOn, releaseSeat } from './booking-flow';
import { Booking } from './booking.entity';
import { loadCentre } from './centres';
import { Elder } from './elder.entity';
import { Slot } from './slot.entity';

/** Bookings handled per rule per tick; the next tick picks up the rest. */
const BATCH = 500;
/** A sitting is over this long after its end before an unredeemed booking counts as a no-show. */
const NO_SHOW_GRACE_MS = 3600 * 1000;

/**
 * Run one booking's step in its own transaction; a step lost to a person (a confirm just before
 * the offer lapsed) or to an overlapping tick fails its compare-and-set and is skipped.
 */
async function eachBooking(
  ctx: TimerContext,
  rows: Booking[],
  step: (em: TimerContext['em'], booking: Booking, notifier: Notifier) => Promise<void>,
): Promise<number> {
  let done = 0;
  for (const booking of rows) {
    const notifier = new Notifier();
    try {
      await ctx.tx((em) => step(em, booking, notifier));
      done++;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      continue;
    }
  }
  return done;
}

/** Live bookings in `status` of slots whose `column` is at or before `before`, oldest first. */
function dueBySlot(ctx: TimerContext, status: 'waitlisted' | 'booked', column: 'cutoffAt' | 'endsAt', before: Date): Promise<Booking[]> {
  return ctx.em
    .createQueryBuilder(Booking, 'b')
    .innerJoin(Slot, 's', 's.id = b.slotId')
    .where('b.status = :status', { status })
    .andWhere(`s.${column} <= :before`, { before })
    .orderBy('b.id', 'ASC')
    .limit(BATCH)
    .getMany();
}

const elderOf = (em: TimerContext['em']) => (id: number) => em.findOne(Elder, { where: { id } });

/**
 * An offered seat not confirmed in time lapses (its live key freed) and passes to the next in
 * line; after the cut-off nobody can take it up, so it goes back to the slot instead.
 */
const expireOffers: TimerJob = {
  name: 'bookings.expireOffers',
  async run(ctx, now) {
    const lapsed = await ctx.em.find(Booking, { where: { status: 'offered', offerExpiresAt: LessThanOrEqual(now) }, order: { id: 'ASC' }, take: BATCH });
    const offersExpired = await eachBooking(ctx, lapsed, async (em, booking, notifier) => {
      await moveBooking(em, booking, 'expire', { by: null, at: now, patch: { activeKey: null, offerExpiresAt: null }, note: '候补名额未在时限内确认' });
      const slot = await em.findOneByOrFail(Slot, { id: booking.slotId });
      const elder = await elderOf(em)(booking.elderId);
      await notifier.to(
        em,
        [elder?.userId, booking.bookedById],
        bookingMessage(booking, '候补名额已失效', `${slot.day} ${slot.title}：未在时限内确认，名额已让给下一位`),
      );
      await tellStaffToCall(em, notifier, booking, slot, elder);
      if (now.getTime() < slot.cutoffAt.getTime()) await passSeatOn(em, slot, booking.mode, now, notifier, elderOf(em));
      else await releaseSeat(em, slot.id, booking.mode);
    });
    return { offersExpired };
  },
};

/**
 * An elder rarely watches her phone for an offer: when one lapses, every staff member of the centre
 * is told to call her (in-app, opening the booking, where her phone or guardian is on the profile)
 * and ask whether she still wants a meal.
 */
async function tellStaffToCall(em: TimerContext['em'], notifier: Notifier, booking: Booking, slot: Slot, elder: Elder | null): Promise<void> {
  if (!elder) return;
  const { centre, community } = await loadCentre(em, booking.centreId);
  const staff = await usersWithRoleOver(em, CARE_ROLES, { streetId: community.streetId, communityId: community.id }, centre.id);
  await notifier.to(
    em,
    staff,
    bookingMessage(
      booking,
      `请致电${elder.name}老人确认`,
      `${elder.name}老人${slot.day} ${slot.title}的候补名额未在时限内确认，已失效。请致电${elder.name}老人确认是否还要用餐，需要时可为老人代订。`,
    ),
  );
}

/** At the cut-off the waitlist closes in one batch: whoever is still waiting is told no seat came free. */
const closeWaitlists: TimerJob = {
  name: 'bookings.closeWaitlists',
  async run(ctx, now) {
    const waiting = await dueBySlot(ctx, 'waitlisted', 'cutoffAt', now);
    const notifier = new Notifier();
    const waitlistsClosed = await ctx.tx(async (em) => {
      const closed = await moveBookings(em, waiting, 'expire', { by: null, at: now, patch: { activeKey: null }, note: '已过截止时间，候补未到位' });
      for (const booking of closed) {
        const slot = await em.findOneByOrFail(Slot, { id: booking.slotId });
        const elder = await elderOf(em)(booking.elderId);
        await notifier.to(
          em,
          [elder?.userId, booking.bookedById],
          bookingMessage(booking, '候补未到位', `${slot.day} ${slot.title}：截止前没有空出名额，候补已结束`),
        );
      }
      return closed.length;
    });
    return { waitlistsClosed };
  },
};

/** An hour after a sitting ends, the bookings never redeemed or delivered are no-shows, in one batch (the seat stays counted). */
const markNoShows: TimerJob = {
  name: 'bookings.markNoShows',
  async run(ctx, now) {
    const missed = await dueBySlot(ctx, 'booked', 'endsAt', new Date(now.getTime() - NO_SHOW_GRACE_MS));
    const noShows = await ctx.tx(async (em) => (await moveBookings(em, missed, 'noShow', { by: null, at: now, note: '用餐结束未核销' })).length);
    return { noShows };
  },
};

/** The bookings module's timer jobs, in the order a tick runs them (offers lapse before waitlists close). */
export const BOOKING_TIMERS: readonly TimerJob[] = [expireOffers, closeWaitlists, markNoShows];
