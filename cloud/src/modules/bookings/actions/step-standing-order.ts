import { ZStandingOrderStepRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { notFound } from '../../../core/errors';
import { transition } from '../../../core/state-machine';
import { bookingChannel } from '../booking.policy';
import { Elder } from '../elder.entity';
import { STANDING_MACHINE } from '../standing-order-status';
import { StandingOrder } from '../standing-order.entity';
import { presentStandingOrders } from '../standing-orders';

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
        actorId: ctx.actor.userId,
      });
      return row;
    });
    const [dto] = await presentStandingOrders(ctx.ds.manager, [order]);
    return dto;
  },
});
