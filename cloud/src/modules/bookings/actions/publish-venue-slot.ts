import { SLOT_RULES } from '@hg/types';
import { ZPublishSlotRequest } from '@hg/types/slots-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { publishSlot } from '../../slots/public';
import { loadCentre } from '../centres';
import { presentVenueSlots } from '../venue/venue.presenter';
import { assertCentreStaff } from '../venue/venue.policy';

/** 发布活动室 / 咨询 / 上门 / 会议 / 活动时段: centre staff publish a slot with one capacity, with or without a waitlist. */
export const publishVenueSlot = defineAction({
  input: ZPublishSlotRequest,
  async handler(input, ctx) {
    await loadCentre(ctx.ds.manager, input.centreId);
    assertCentreStaff(ctx.actor, input.centreId);
    const at = clock.now();
    const slot = await ctx.tx((em) =>
      publishSlot(em, {
        kind: input.kind,
        venueId: input.centreId,
        title: input.title,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        cutoffAt: new Date(input.cutoffAt),
        opensAt: input.opensAt ? new Date(input.opensAt) : null,
        pools: [{ pool: SLOT_RULES.seatPool, capacity: input.capacity }],
        quotaPerWeek: input.quotaPerWeek ?? null,
        waitlist: input.waitlist ?? true,
        by: ctx.actor.userId,
        at,
      }),
    );
    return (await presentVenueSlots(ctx.ds.manager, [slot], ctx.actor))[0];
  },
});
