import { ZRosterRequest } from '@hg/types/slots-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { notFound } from '../../../core/errors';
import { rosterOf, slotById } from '../../slots/public';
import { presentReservations } from '../venue/venue.presenter';
import { assertCentreStaff } from '../venue/venue.policy';

/**
 * 签到名单: who is booked on a slot (checked in and out included), for staff; `name` narrows it
 * to holders whose name contains it, so someone without their code is checked in by name.
 */
export const getRoster = defineAction({
  input: ZRosterRequest,
  async handler({ slotId, name }, ctx) {
    const em = ctx.ds.manager;
    const slot = await slotById(em, slotId);
    if (!slot || slot.kind === 'meal') throw notFound('时段');
    assertCentreStaff(ctx.actor, slot.venueId);
    const rows = await rosterOf(em, slotId, ['booked', 'offered', 'checked_in', 'checked_out', 'no_show']);
    const all = await presentReservations(em, rows, ctx.actor, clock.now());
    return name ? all.filter((r) => r.holderName?.includes(name)) : all;
  },
});
