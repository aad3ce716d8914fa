import { StandingOrderStatus, ZStandingOrderStepRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { notFound } from '../../../core/errors';
import { defineMachine, transition } from '../../../core/state-machine';
import { bookingChannel } from '../booking.policy';
import { Elder } from '../elder.entity';
import { StandingOrder } from '../standing-order.entity';
import { presentStandingOrders } from '../standing-orders';

/** A standing order pauses and resumes; stopping ends it. Bookings already made stay (cancel them one by one). */
export const STANDING_MACHINE = defineMachine<StandingOrderStatus, 'pause' | 'resume' | 'stop'>({
  name: 'standing-order',
  states: Object.values(StandingOrderStatus),
  rows: [
    { action: 'pause', from: ['active'], to: 'paused', event: 'paused' },
    { action: 'resume', from: ['paused'], to: 'active', event: 'resumed' },
    { action: 'stop', from: ['active', 'paused'], to: 'stopped', event: 'stopped' },
  ],
});

export const stepStandingOrder = defineAction({
  input: ZStandingOrderStepRequest,
  async handler({ orderId, step: action }, ctx) {
    const now = clock.now();
    const order = await ctx.tx(async (em) => {
      const row = await em.findOne(StandingOrder, { where: { id: orderId } });
      const elder = row ? await em.findOne(Elder, { where: { id: row.elderId } }) : null;
      if (!row || !elder || !(await bookingChannel(em, ctx.actor, elder))) throw notFound('长期预订');
      await transition({
        em,
        machine: STANDING_MACHINE,
        entity: StandingOrder,
        row,
        action,
        patch: { updatedAt: now },
        at: now,
        record: async () => undefined,
      });
      return row;
    });
    const [dto] = await presentStandingOrders(ctx.ds.manager, [order]);
    return dto;
  },
});
