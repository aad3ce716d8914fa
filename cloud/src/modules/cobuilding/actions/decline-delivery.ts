import { ZDeclineDeliveryRequest } from '@hg/types/cobuilding-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { presentDeliveries } from '../cobuilding.presenter';
import { decideDelivery } from '../deliveries';

/** 不认可: the street's or community's staff decline a pending delivery and say why; it never counts. */
export const declineDelivery = defineAction({
  input: ZDeclineDeliveryRequest,
  async handler({ deliveryId, reason }, ctx) {
    const row = await ctx.tx((em) => decideDelivery(em, ctx.actor, deliveryId, 'decline', reason, clock.now()));
    const [dto] = await presentDeliveries(ctx.ds.manager, [row], ctx.actor);
    return dto;
  },
});
