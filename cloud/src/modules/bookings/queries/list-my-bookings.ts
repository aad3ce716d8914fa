import { ZMyBookingsRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { decodeCursor, encodeCursor } from '../../../core/cursor';
import { presentBookings } from '../booking.presenter';
import { Booking } from '../booking.entity';
import { Elder } from '../elder.entity';
import { FamilyLink } from '../family-link.entity';

/**
 * 我的预订: bookings for the caller (their elder profiles at any centre, and the elders they are
 * verified family of) and bookings the caller
 * placed for someone else (staff, grid workers), newest first, optionally of one status. Two
 * branches, each reading at most limit + 1 rows down its own index (elderId, id) and
 * (bookedById, …); the page is the top of their union, as for needs.
 */
export const listMyBookings = defineAction({
  input: ZMyBookingsRequest,
  async handler({ status, cursor, limit = 20 }, { actor, ds }) {
    const em = ds.manager;
    const after = decodeCursor(cursor);
    // Their own profiles and the elders they are verified family of.
    const own = (await em.find(Elder, { where: { userId: actor.userId }, select: { id: true } })).map((e) => e.id);
    const family = (await em.find(FamilyLink, { where: { userId: actor.userId, status: 'verified' } })).map((l) => l.elderId);
    const elderIds = [...new Set([...own, ...family])];
    const branches = [{ where: 'b.bookedById = :uid', params: { uid: actor.userId } }];
    if (elderIds.length) branches.push({ where: 'b.elderId IN (:...elderIds)', params: { elderIds } as never });
    const results = await Promise.all(
      branches.map(({ where, params }) => {
        const qb = em.createQueryBuilder(Booking, 'b').where(where, params);
        if (status) qb.andWhere('b.status = :status', { status });
        if (after) qb.andWhere('b.id < :after', { after });
        return qb
          .orderBy('b.id', 'DESC')
          .limit(limit + 1)
          .getMany();
      }),
    );
    const unique = new Map<number, Booking>();
    for (const row of results.flat()) unique.set(row.id, row);
    const rows = [...unique.values()].sort((a, b) => b.id - a.id).slice(0, limit + 1);
    const page = rows.slice(0, limit);
    return {
      items: await presentBookings(em, page, actor, clock.now()),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
    };
  },
});
