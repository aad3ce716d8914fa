import { localDay } from '@hg/types';
import { ZMyReservationsRequest } from '@hg/types/slots-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { bookingsOfPerson } from '../../slots/public';
import { upcomingFirstPage } from '../upcoming-first';
import { presentReservations } from '../venue/venue.presenter';

/**
 * 我的预约: the caller's rooms, consultations, visits, meetings and activities (and any they booked
 * for a group), upcoming first across pages (types/upcoming.ts): live ones from today on, nearest
 * first, then the rest, latest first.
 */
export const listMyReservations = defineAction({
  input: ZMyReservationsRequest,
  async handler({ cursor, limit = 20 }, { actor, ds }) {
    const now = clock.now();
    const today = localDay(now);
    const page = await upcomingFirstPage(
      (phase, after, take) =>
        bookingsOfPerson(ds.manager, { holder: { kind: 'user', id: actor.userId }, bookedById: actor.userId, phase, today, after, limit: take }),
      (row) => ({ startsAt: row.startsAt, id: row.booking.id }),
      cursor,
      limit,
    );
    return {
      items: await presentReservations(
        ds.manager,
        page.rows.map((r) => r.booking),
        actor,
        now,
      ),
      nextCursor: page.nextCursor,
    };
  },
});
