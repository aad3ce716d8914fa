import { In, type EntityManager } from 'typeorm';
import { localDay, ZMyBookingsRequest } from '@hg/types';
import { UPCOMING_MEAL_STATUSES } from '@hg/types/upcoming';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { presentBookings } from '../booking.presenter';
import { Booking } from '../booking.entity';
import { Elder } from '../elder.entity';
import { FamilyLink } from '../family-link.entity';
import { Slot } from '../slot.entity';
import { phaseOrder, upcomingFirstPage, type UpcomingKey, type UpcomingPhase } from '../upcoming-first';

/**
 * 我的订餐: bookings for the caller (their elder profiles at any centre, and the elders they are
 * verified family of) and bookings the caller placed for someone else (staff, grid workers),
 * optionally of one status — upcoming first across pages (types/upcoming.ts): live bookings from
 * today on, nearest sitting first, then the rest, latest sitting first. Two branches (the elders;
 * what the caller placed), each reading at most limit + 1 rows of the phase; the page is the top
 * of their union.
 */
export const listMyBookings = defineAction({
  input: ZMyBookingsRequest,
  async handler({ status, cursor, limit = 20 }, { actor, ds }) {
    const em = ds.manager;
    const now = clock.now();
    const today = localDay(now);
    const own = (await em.find(Elder, { where: { userId: actor.userId }, select: { id: true } })).map((e) => e.id);
    const family = (await em.find(FamilyLink, { where: { userId: actor.userId, status: 'verified' } })).map((l) => l.elderId);
    const elderIds = [...new Set([...own, ...family])];
    const branches = [{ where: 'b.bookedById = :uid', params: { uid: actor.userId } as Record<string, unknown> }];
    if (elderIds.length) branches.push({ where: 'b.elderId IN (:...elderIds)', params: { elderIds } });

    const starts = new Map<number, Date>();
    const read = async (phase: UpcomingPhase, after: UpcomingKey | null, take: number): Promise<Booking[]> => {
      const order = phaseOrder(phase, after, 's.startsAt', 'b.id');
      const results = await Promise.all(
        branches.map(({ where, params }) => {
          const qb = em.createQueryBuilder(Booking, 'b').innerJoin(Slot, 's', 's.id = b.slotId').where(where, params);
          if (status) qb.andWhere('b.status = :status', { status });
          if (phase === 'upcoming') qb.andWhere('b.status IN (:...ahead) AND s.day >= :today', { ahead: UPCOMING_MEAL_STATUSES, today });
          else qb.andWhere('(b.status NOT IN (:...ahead) OR s.day < :today)', { ahead: UPCOMING_MEAL_STATUSES, today });
          if (order.where) qb.andWhere(order.where, order.params);
          return qb.orderBy('s.startsAt', order.dir).addOrderBy('b.id', order.dir).limit(take).getMany();
        }),
      );
      const unique = new Map<number, Booking>();
      for (const row of results.flat()) unique.set(row.id, row);
      await slotStarts(em, [...unique.values()], starts);
      const sign = order.dir === 'ASC' ? 1 : -1;
      const key = (b: Booking) => starts.get(b.slotId)!.getTime();
      return [...unique.values()].sort((a, b) => sign * (key(a) - key(b) || a.id - b.id)).slice(0, take);
    };
    const page = await upcomingFirstPage(read, (b) => ({ startsAt: starts.get(b.slotId)!, id: b.id }), cursor, limit);
    return { items: await presentBookings(em, page.rows, actor, now), nextCursor: page.nextCursor };
  },
});

/** The start of each row's sitting, into `into` (one query for those not read yet). */
async function slotStarts(em: EntityManager, rows: readonly Booking[], into: Map<number, Date>): Promise<void> {
  const missing = [...new Set(rows.map((b) => b.slotId))].filter((id) => !into.has(id));
  if (!missing.length) return;
  for (const s of await em.find(Slot, { where: { id: In(missing) }, select: { id: true, startsAt: true } })) into.set(s.id, s.startsAt);
}
