import { ZMyReservationsRequest } from '@hg/types/slots-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { decodeCursor, encodeCursor } from '../../../core/cursor';
import { bookingsOfPerson } from '../../slots/public';
import { presentReservations } from '../venue/venue.presenter';

/** 我的预约: the caller's rooms, consultations and visits (and any they booked), newest first. */
export const listMyReservations = defineAction({
  input: ZMyReservationsRequest,
  async handler({ cursor, limit = 20 }, { actor, ds }) {
    const rows = await bookingsOfPerson(ds.manager, { holder: { kind: 'user', id: actor.userId }, bookedById: actor.userId, beforeId: decodeCursor(cursor), limit: limit + 1 });
    const page = rows.slice(0, limit);
    return {
      items: await presentReservations(ds.manager, page, actor, clock.now()),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
    };
  },
});
