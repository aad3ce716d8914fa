import { SLOT_RULES } from '@hg/types';
import { ZEditSlotRequest } from '@hg/types/slots-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { notFound } from '../../../core/errors';
import { editSlot, slotById } from '../../slots/public';
import { presentVenueSlots } from '../venue/venue.presenter';
import { assertCentreStaff } from '../venue/venue.policy';

/** 修改时段: only until the first booking (then CONFLICT: withdraw it and publish again). */
export const editVenueSlot = defineAction({
  input: ZEditSlotRequest,
  async handler(input, ctx) {
    const before = await slotById(ctx.ds.manager, input.slotId);
    if (!before || before.kind === 'meal') throw notFound('时段');
    assertCentreStaff(ctx.actor, before.venueId);
    const date = (s: string | undefined) => (s ? new Date(s) : undefined);
    const slot = await ctx.tx((em) =>
      editSlot(em, input.slotId, {
        title: input.title,
        startsAt: date(input.startsAt),
        endsAt: date(input.endsAt),
        cutoffAt: date(input.cutoffAt),
        capacities: input.capacity ? { [SLOT_RULES.seatPool]: input.capacity } : undefined,
        waitlist: input.waitlist,
        by: ctx.actor.userId,
        at: clock.now(),
      }),
    );
    return (await presentVenueSlots(ctx.ds.manager, [slot], ctx.actor))[0];
  },
});
