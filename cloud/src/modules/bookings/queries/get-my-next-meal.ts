import { ZEmptyRequest, type MyNextMealDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { presentBookings } from '../booking.presenter';
import { Booking } from '../booking.entity';
import { Elder } from '../elder.entity';
import { Slot } from '../slot.entity';

/** How many of her coming bookings the home card reads (a week of two sittings, with offers). */
const AHEAD = 20;

/**
 * 首页's meal card, for an elder with a profile of her own (one per centre): her next booked meal
 * (day, sitting, centre, code) and every seat offered to her from a waitlist, to confirm in one tap
 * before it lapses. Bookings for family or made for others are not hers: 我的订餐 lists those.
 */
export const getMyNextMeal = defineAction({
  input: ZEmptyRequest,
  async handler(_input, { actor, ds }): Promise<MyNextMealDTO> {
    const now = clock.now();
    const elders = await ds.manager.find(Elder, { where: { userId: actor.userId }, select: { id: true } });
    if (!elders.length) return { hasProfile: false, next: null, offers: [] };
    const rows = await ds.manager
      .createQueryBuilder(Booking, 'b')
      .innerJoin(Slot, 's', 's.id = b.slotId')
      .where('b.elderId IN (:...ids) AND b.status IN (:...statuses) AND s.endsAt > :now', {
        ids: elders.map((e) => e.id),
        statuses: ['booked', 'offered'],
        now,
      })
      .orderBy('s.startsAt', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .limit(AHEAD)
      .getMany();
    const next = rows.find((b) => b.status === 'booked') ?? null;
    const offers = rows.filter((b) => b.status === 'offered' && b.offerExpiresAt && b.offerExpiresAt.getTime() > now.getTime());
    const shown = await presentBookings(ds.manager, next ? [next, ...offers] : offers, actor, now);
    return { hasProfile: true, next: next ? shown[0] : null, offers: next ? shown.slice(1) : shown };
  },
});
