import { ZReservationRequest } from '@hg/types/slots-schemas';
import { defineAction } from '../../../core/action';
import { cancelSlotBooking } from '../../slots/public';
import { runReservationStep } from '../venue/venue-step';

/**
 * 取消预约: the resident before the cut-off, centre staff at any time (then the resident is told).
 * A held seat passes to the first in line or goes back.
 */
export const cancelReservation = defineAction({
  input: ZReservationRequest,
  handler: ({ reservationId }, ctx) =>
    runReservationStep(ctx, reservationId, 'cancel', async ({ em, rel, now, notifier }) => {
      const done = await cancelSlotBooking(em, reservationId, { by: ctx.actor.userId, at: now, notifier, afterCutoff: rel.staff });
      if (rel.staff && !rel.holder && !rel.booker)
        await notifier.to(em, [done.bookedById, done.holderKind === 'user' ? done.holderId : null], {
          kind: 'booking_update',
          subject: { subjectKind: 'slot-booking', subjectId: done.id },
          title: '预约已取消',
          body: '您的预约已由中心取消，如有疑问请联系中心',
        });
    }),
});
