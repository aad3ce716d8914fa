import { CARE_ROLES, localDay } from '@hg/types';
import { DELIVERY_MISS_LABEL } from '@hg/types/meal-roster';
import { ZMissDeliveryRequest } from '@hg/types/meal-roster-schemas';
import { defineAction } from '../../../core/action';
import { invalidTransition } from '../../../core/errors';
import { usersWithRoleOver } from '../../identity/public';
import { bookingMessage, moveBooking } from '../booking-flow';
import { runBookingStep } from '../booking-step';
import { Booking } from '../booking.entity';
import { loadCentre } from '../centres';

/**
 * 「不在家 / 拒收」: the round could not hand a delivered meal over. The booking ends `no_show`
 * through the machine (one `delivery_missed` row in the subject log with the reason), and every
 * staff member of the centre is told in-app at once — marked 紧急 for an elder who lives alone
 * (独居), whom someone must now call or visit. The seat stays counted and no subsidy is claimed.
 */
export const missDelivery = defineAction({
  input: ZMissDeliveryRequest,
  handler: ({ bookingId, reason, note }, ctx) =>
    runBookingStep(
      ctx,
      (em) => em.findOne(Booking, { where: { id: bookingId } }),
      'missDelivery',
      async ({ em, booking, slot, elder, now, notifier }) => {
        if (booking.mode !== 'delivery') throw invalidTransition('这是堂食预订，不是送餐');
        if (slot.day !== localDay(now)) throw invalidTransition(`这是${slot.day}的预订，不是今天的`);
        const label = DELIVERY_MISS_LABEL[reason];
        await moveBooking(em, booking, 'missDelivery', { by: ctx.actor.userId, at: now, note: note ? `${label}：${note}` : label });
        const { centre, community } = await loadCentre(em, booking.centreId);
        const staff = await usersWithRoleOver(em, CARE_ROLES, { streetId: community.streetId, communityId: community.id }, centre.id);
        const where = elder.address ? `（${elder.address}）` : '';
        await notifier.to(
          em,
          staff,
          elder.livesAlone
            ? bookingMessage(
                booking,
                `【紧急】独居老人送餐${label}`,
                `${elder.name}${where}独居，${slot.day} ${slot.title}送餐${label}。请立即电话联系或上门查看老人是否安好。`,
              )
            : bookingMessage(booking, `送餐${label}`, `${elder.name}${where}${slot.day} ${slot.title}送餐${label}，请联系老人或家属。`),
        );
      },
    ),
});
