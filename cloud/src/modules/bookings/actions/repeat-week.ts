import { In } from 'typeorm';
import { addDays, localDay, SEAT_HOLDING_STATUSES, ZRepeatWeekRequest, type RepeatWeekDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { AppError, notFound } from '../../../core/errors';
import { placeBooking } from '../booking-flow';
import { bookingChannel } from '../booking.policy';
import { presentBookings } from '../booking.presenter';
import { Booking } from '../booking.entity';
import { Elder } from '../elder.entity';
import { Slot } from '../slot.entity';
import { readSubsidySettings } from '../subsidy-settings';

const REASON: Record<string, string> = { CAPACITY_FULL: '已满', INVALID_TRANSITION: '已截止', CONFLICT: '已预订' };

/**
 * 和上周一样, one tap: for every meal the elder had last week (the 7 days before today), book the
 * same sitting seven days later in the same way (dine-in or delivery). Each booking is an ordinary
 * placeBooking with a request id per elder and slot, so tapping twice books nothing twice; what
 * could not be booked is listed with the reason.
 */
export const repeatWeek = defineAction({
  input: ZRepeatWeekRequest,
  async handler({ elderId }, ctx) {
    const now = clock.now();
    const em = ctx.ds.manager;
    const elder = await em.findOne(Elder, { where: { id: elderId } });
    const channel = elder ? await bookingChannel(em, ctx.actor, elder) : null;
    if (!elder || !channel) throw notFound('老人档案');
    const today = localDay(now);
    const lastWeek = await em.find(Slot, {
      where: { centreId: elder.centreId, kind: 'meal', day: In(Array.from({ length: 7 }, (_, i) => addDays(today, i - 7))) },
    });
    const had = lastWeek.length ? await em.find(Booking, { where: { elderId, slotId: In(lastWeek.map((s) => s.id)), status: In(SEAT_HOLDING_STATUSES) } }) : [];
    const result: RepeatWeekDTO = { booked: [], skipped: [] };
    const made: Booking[] = [];
    // One subsidy for the whole week's bookings: the city's in force now.
    const settings = await readSubsidySettings(em);
    for (const b of had.sort((x, y) => x.slotId - y.slotId)) {
      const before = lastWeek.find((s) => s.id === b.slotId)!;
      const day = addDays(before.day, 7);
      const slot = await em.findOne(Slot, { where: { centreId: elder.centreId, kind: 'meal', day, sitting: before.sitting ?? undefined } });
      if (!slot) {
        result.skipped.push({ day, title: before.title, reason: '本周未发布' });
        continue;
      }
      if (now.getTime() >= slot.cutoffAt.getTime()) {
        result.skipped.push({ day, title: slot.title, reason: '已截止' });
        continue;
      }
      const mode = b.mode === 'delivery' && slot.capacityDelivery === 0 ? 'dine_in' : b.mode;
      try {
        made.push(
          await placeBooking(ctx, {
            slot,
            elder,
            mode,
            requestId: `repeat-${elder.id}-${slot.id}`,
            bookedById: ctx.actor.userId,
            channel,
            waitlist: false,
            now,
            settings,
          }),
        );
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        result.skipped.push({ day, title: slot.title, reason: REASON[err.code] ?? err.message });
      }
    }
    result.booked = await presentBookings(em, made, ctx.actor, now, settings);
    return result;
  },
});
