import type { TimerJob } from '../../core/module';
import { Notifier } from '../notifications/public';
import { StandingOrder } from './standing-order.entity';
import { fulfilStandingOrder } from './standing-orders';

/** Orders handled per tick; the next tick continues (fulfilment is idempotent). */
const BATCH = 200;

/**
 * Book active standing orders into the sittings published since the last tick (a menu is
 * "published" when its slots exist). Idempotent per order and slot; full days are reported once.
 */
export const fulfilStandingOrders: TimerJob = {
  name: 'bookings.standingOrders',
  async run(ctx, now) {
    const orders = await ctx.em.find(StandingOrder, { where: { status: 'active' }, order: { id: 'ASC' }, take: BATCH });
    let standingBooked = 0;
    let standingMissed = 0;
    for (const order of orders) {
      const notifier = new Notifier();
      const r = await fulfilStandingOrder({ ds: ctx.em.connection, tx: ctx.tx }, order, now, notifier);
      standingBooked += r.booked;
      standingMissed += r.missed;
    }
    return { standingBooked, standingMissed };
  },
};
