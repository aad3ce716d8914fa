import { localDay, ZElderTodayRequest } from '@hg/types';
import { In } from 'typeorm';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, notFound } from '../../../core/errors';
import { isCentreStaff } from '../booking.policy';
import { presentBookings } from '../booking.presenter';
import { Booking } from '../booking.entity';
import { Elder } from '../elder.entity';
import { Slot } from '../slot.entity';

/**
 * 按姓名核销: at the counter, staff find the elder on the elder list by name and see her bookings
 * of today (Beijing day) with their codes and `can` — so an elder without a phone or a printed code
 * (booked by phone or by her grid worker) is redeemed like anyone else, never left 未到.
 */
export const listElderToday = defineAction({
  input: ZElderTodayRequest,
  async handler({ elderId }, { actor, ds }) {
    const elder = await ds.manager.findOne(Elder, { where: { id: elderId } });
    if (!elder) throw notFound('老人档案');
    if (!isCentreStaff(actor, elder.centreId)) throw forbidden('只有本中心工作人员可以核销');
    const now = clock.now();
    const slots = await ds.manager.find(Slot, { where: { centreId: elder.centreId, day: localDay(now) }, select: { id: true } });
    if (!slots.length) return [];
    const rows = await ds.manager.find(Booking, { where: { elderId, slotId: In(slots.map((s) => s.id)) }, order: { id: 'ASC' } });
    return presentBookings(ds.manager, rows, actor, now);
  },
});
