import { ZWithdrawSlotRequest } from '@hg/types/slots-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { notFound } from '../../../core/errors';
import { Notifier } from '../../notifications/public';
import { slotById, withdrawSlot } from '../../slots/public';
import { presentVenueSlots } from '../venue/venue.presenter';
import { assertCentreStaff } from '../venue/venue.policy';

/** 撤回时段: every booking and waitlist place ends, and everyone on it is told the reason. */
export const withdrawVenueSlot = defineAction({
  input: ZWithdrawSlotRequest,
  async handler({ slotId, reason }, ctx) {
    const before = await slotById(ctx.ds.manager, slotId);
    if (!before || before.kind === 'meal') throw notFound('时段');
    assertCentreStaff(ctx.actor, before.venueId);
    const notifier = new Notifier();
    await ctx.tx((em) => withdrawSlot(em, slotId, { reason, by: ctx.actor.userId, at: clock.now(), notifier }));
    return (await presentVenueSlots(ctx.ds.manager, [(await slotById(ctx.ds.manager, slotId))!], ctx.actor))[0];
  },
});
