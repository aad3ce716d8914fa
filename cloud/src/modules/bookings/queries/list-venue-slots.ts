import { localDay } from '@hg/types';
import { VENUE_KINDS, ZVenueSlotsRequest } from '@hg/types/slots-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { invalidInput } from '../../../core/errors';
import { slotsOfVenue } from '../../slots/public';
import { loadCentre } from '../centres';
import { presentVenueSlots } from '../venue/venue.presenter';

const DAY = 24 * 3600 * 1000;

/** 预约活动室等: a centre's non-meal slots for seven days from `from` (today by default), withdrawn ones included. */
export const listVenueSlots = defineAction({
  input: ZVenueSlotsRequest,
  async handler({ centreId, from, kind }, ctx) {
    const em = ctx.ds.manager;
    await loadCentre(em, centreId);
    const day = from ?? localDay(clock.now());
    const start = new Date(`${day}T00:00:00.000+08:00`);
    if (Number.isNaN(start.getTime())) throw invalidInput('from', '日期无效');
    const slots = await slotsOfVenue(em, { venueId: centreId, kinds: kind ? [kind] : VENUE_KINDS, from: start, to: new Date(start.getTime() + 7 * DAY) });
    return presentVenueSlots(em, slots, ctx.actor);
  },
});
