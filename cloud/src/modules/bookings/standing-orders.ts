import { In, MoreThan, type EntityManager } from 'typeorm';
import { AppError } from '../../core/errors';
import type { ActionContext } from '../../core/action';
import { MEAL_MODE_LABEL, SITTING_LABEL, STANDING_ORDER_STATUS_LABEL, WEEKDAY_LABEL, weekdayOf, type StandingOrderDTO } from '@hg/types';
import { byId } from '../../core/by-id';
import type { Notifier } from '../notifications/public';
import { placeBooking } from './booking-flow';
import { Booking } from './booking.entity';
import { Elder } from './elder.entity';
import { FamilyLink } from './family-link.entity';
import { Slot } from './slot.entity';
import { StandingOrder } from './standing-order.entity';
import { readSubsidySettings } from './subsidy-settings';

/** How far ahead the timer books a standing order: the published week. */
const AHEAD_MS = 8 * 24 * 3600 * 1000;
/** Missed days remembered on the order. */
const MISSED_KEPT = 12;

/** The request id of a standing order's booking of one slot: retries and overlapping ticks book once. */
export const standingRequestId = (orderId: number, slotId: number) => `standing-${orderId}-${slotId}`;

/** Who hears about a standing order: the elder (if they use the app), verified family, whoever set it up. */
export async function standingOrderAudience(em: EntityManager, order: StandingOrder, elder: Elder): Promise<number[]> {
  const family = await em.find(FamilyLink, { where: { elderId: elder.id, status: 'verified' } });
  return [elder.userId, order.createdById, ...family.map((f) => f.userId)].filter((x): x is number => !!x);
}

/**
 * Book every open meal slot of the order's centre that matches its sitting and weekdays, within the
 * published week. Each booking goes through placeBooking with a request id derived from order and
 * slot, so a second run books nothing twice. A full sitting is recorded as missed and the elder
 * and family are told (once per day: the missed list is the memory).
 */
export async function fulfilStandingOrder(
  ctx: Pick<ActionContext, 'ds' | 'tx'>,
  order: StandingOrder,
  now: Date,
  notifier: Notifier,
): Promise<{ booked: number; missed: number }> {
  const elder = await ctx.ds.manager.findOneByOrFail(Elder, { id: order.elderId });
  const days = new Set(order.weekdays.split(',').map(Number));
  const slots = (
    await ctx.ds.manager.find(Slot, {
      where: { centreId: order.centreId, kind: 'meal', sitting: order.sitting, cutoffAt: MoreThan(now) },
      order: { startsAt: 'ASC' },
      take: 50,
    })
  ).filter((s) => s.startsAt.getTime() - now.getTime() <= AHEAD_MS && days.has(weekdayOf(s.day)));
  if (!slots.length) return { booked: 0, missed: 0 };
  const done = new Set(
    (await ctx.ds.manager.find(Booking, { where: { bookedById: order.createdById, requestId: In(slots.map((s) => standingRequestId(order.id, s.id))) } })).map(
      (b) => b.slotId,
    ),
  );
  const missedBefore = new Set(order.missed ? order.missed.split(',') : []);
  let booked = 0;
  const missed: string[] = [];
  const settings = await readSubsidySettings(ctx.ds.manager);
  for (const slot of slots) {
    if (done.has(slot.id)) continue;
    const mode = order.mode === 'delivery' && slot.capacityDelivery === 0 ? 'dine_in' : order.mode;
    try {
      await placeBooking(ctx, {
        slot,
        elder,
        mode,
        requestId: standingRequestId(order.id, slot.id),
        bookedById: order.createdById,
        channel: 'standing',
        waitlist: false,
        now,
        settings,
      });
      booked++;
    } catch (err) {
      // Full (or the elder already booked that sitting by hand): not an error of the timer.
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'CAPACITY_FULL' && !missedBefore.has(slot.day)) missed.push(slot.day);
    }
  }
  if (missed.length) {
    const all = [...missed, ...missedBefore].slice(0, MISSED_KEPT).join(',');
    await ctx.tx(async (em) => {
      await em.update(StandingOrder, { id: order.id }, { missed: all, updatedAt: now });
      await notifier.to(em, await standingOrderAudience(em, order, elder), {
        kind: 'booking_update',
        subject: null,
        title: '长期预订有一天未订上',
        body: `${elder.name} ${missed.join('、')} 的${SITTING_LABEL[order.sitting]}已满，请另行安排或联系中心`,
      });
    });
  }
  return { booked, missed: missed.length };
}

export async function presentStandingOrders(em: EntityManager, rows: StandingOrder[]): Promise<StandingOrderDTO[]> {
  const elders = await byId(
    em,
    Elder,
    rows.map((r) => r.elderId),
  );
  return rows.map((o) => {
    const weekdays = o.weekdays.split(',').map(Number);
    return {
      id: o.id,
      elder: { id: o.elderId, name: elders.get(o.elderId)?.name ?? '' },
      sitting: o.sitting,
      weekdays,
      summary: `${weekdays.map((d) => WEEKDAY_LABEL[d]).join('、')} ${SITTING_LABEL[o.sitting]} ${MEAL_MODE_LABEL[o.mode]}`,
      mode: o.mode,
      status: o.status,
      statusLabel: STANDING_ORDER_STATUS_LABEL[o.status],
      missed: o.missed ? o.missed.split(',') : [],
    };
  });
}
