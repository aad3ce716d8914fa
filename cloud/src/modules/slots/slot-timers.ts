import { In, LessThanOrEqual } from 'typeorm';
import { SLOT_RULES } from '@hg/types';
import { AppError } from '../../core/errors';
import type { TimerContext, TimerJob } from '../../core/module';
import { transitionMany } from '../../core/state-machine';
import { Notifier } from '../notifications/public';
import { kindTerms } from './kind-terms';
import { tellAbout } from './messages';
import { moveSlotBooking, passSeatOn } from './reservations';
import { SlotBooking } from './slot-booking.entity';
import { SLOT_BOOKING_MACHINE } from './slot-status';
import { EngineSlot } from './slot.entity';

/** Bookings handled per rule per tick; the next tick picks up the rest. */
const BATCH = 500;

/** Live bookings in `status` of slots whose `column` is at or before `before`, oldest first. */
function dueBySlot(ctx: TimerContext, status: 'waitlisted' | 'booked', column: 'cutoffAt' | 'endsAt', before: Date): Promise<SlotBooking[]> {
  return ctx.em
    .createQueryBuilder(SlotBooking, 'b')
    .innerJoin(EngineSlot, 's', 's.id = b.slotId')
    .where('b.status = :status', { status })
    .andWhere(`s.${column} <= :before`, { before })
    .orderBy('b.id', 'ASC')
    .limit(BATCH)
    .getMany();
}

/**
 * An offered seat not accepted in time lapses (its live key freed) and passes to the next in line;
 * after the cut-off nobody can take it up, so it goes back to the pool. Each booking in its own
 * transaction: one accepted just before the tick fails its compare-and-set and is skipped.
 */
const lapseOffers: TimerJob = {
  name: 'slots.lapseOffers',
  async run(ctx, now) {
    const lapsed = await ctx.em.find(SlotBooking, { where: { status: 'offered', offerExpiresAt: LessThanOrEqual(now) }, order: { id: 'ASC' }, take: BATCH });
    let expired = 0;
    for (const row of lapsed) {
      const notifier = new Notifier();
      try {
        await ctx.tx(async (em) => {
          const booking = await em.findOneByOrFail(SlotBooking, { id: row.id });
          const slot = await em.findOneByOrFail(EngineSlot, { id: booking.slotId });
          await moveSlotBooking(em, booking, 'expire', { by: null, at: now, patch: { activeKey: null, offerExpiresAt: null }, note: '候补名额未在时限内确认' });
          const terms = kindTerms(slot.kind);
          if (terms?.offerLapsed) await terms.offerLapsed(em, booking, slot, notifier);
          else await tellAbout(em, notifier, booking, '候补名额已失效', `${slot.day} ${slot.title}：未在时限内确认`);
          await passSeatOn(em, slot, booking.pool, now, notifier, undefined, terms?.offer ? await terms.offer(em, slot, notifier) : undefined);
        });
        expired++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        continue;
      }
    }
    return { slotOffersLapsed: expired };
  },
};

/** At a slot's cut-off its waitlist closes: those still waiting are told it did not work out. */
const closeWaitlists: TimerJob = {
  name: 'slots.closeWaitlists',
  async run(ctx, now) {
    const rows = await dueBySlot(ctx, 'waitlisted', 'cutoffAt', now);
    if (!rows.length) return { slotWaitlistsClosed: 0 };
    const notifier = new Notifier();
    const moved = await ctx.tx(async (em) => {
      const done = await transitionMany({
        em,
        machine: SLOT_BOOKING_MACHINE,
        entity: SlotBooking,
        rows,
        action: 'expire',
        patch: { activeKey: null, updatedAt: now },
        at: now,
        actorId: null,
        data: { note: '预约已截止，候补未能到位' },
      });
      const slots = done.length ? await em.find(EngineSlot, { where: { id: In([...new Set(done.map((b) => b.slotId))]) } }) : [];
      const slotOf = new Map(slots.map((x) => [x.id, x]));
      for (const b of done) {
        const slot = slotOf.get(b.slotId);
        const told = slot ? kindTerms(slot.kind)?.waitlistClosed : undefined;
        if (slot && told) await told(em, b, slot, notifier);
        else await tellAbout(em, notifier, b, '候补未能到位', '预约已截止，这次候补没有空出名额');
      }
      return done.length;
    });
    return { slotWaitlistsClosed: moved };
  },
};

/** A booked seat nobody checked into is a no-show a grace period after the slot's end. */
const markNoShows: TimerJob = {
  name: 'slots.markNoShows',
  async run(ctx, now) {
    const rows = await dueBySlot(ctx, 'booked', 'endsAt', new Date(now.getTime() - SLOT_RULES.noShowGraceMinutes * 60_000));
    const moved = await ctx.tx((em) =>
      transitionMany({
        em,
        machine: SLOT_BOOKING_MACHINE,
        entity: SlotBooking,
        rows,
        action: 'noShow',
        patch: { activeKey: null, updatedAt: now },
        at: now,
        actorId: null,
      }),
    );
    return { slotNoShows: moved.length };
  },
};

export const SLOT_TIMERS: readonly TimerJob[] = [lapseOffers, closeWaitlists, markNoShows];
