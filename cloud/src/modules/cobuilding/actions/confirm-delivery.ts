import { ZDeliveryRequest } from '@hg/types/cobuilding-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { presentDeliveries } from '../cobuilding.presenter';
import { decideDelivery } from '../deliveries';

/** 确认交付: the street's or community's staff confirm a pending delivery; from now on it counts, once. */
export const confirmDelivery = defineAction({
  input: ZDeliveryRequest,
  async handler({ deliveryId }, ctx) {
    const row = await ctx.tx((em) => decideDelivery(em, ctx.actor, deliveryId, 'confirm', null, clock.now()));
    const [dto] = await presentDeliveries(ctx.ds.manager, [row], ctx.actor);
    return dto;
  },
});
