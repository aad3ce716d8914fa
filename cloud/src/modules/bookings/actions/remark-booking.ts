import { In } from 'typeorm';
import { ZRemarkBookingRequest, type BookingStatus } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, invalidInput, invalidTransition, notFound } from '../../../core/errors';
import { Booking } from '../booking.entity';
import { canRemark, canSeeBooking, isLinkedFamily, relationToBooking } from '../booking.policy';
import { presentBooking } from '../booking.presenter';
import { Elder } from '../elder.entity';
import { Slot } from '../slot.entity';

/** A remark is for the kitchen and the round: only while the booking is live and its meal still to be cooked. */
const LIVE: BookingStatus[] = ['booked', 'offered', 'waitlisted'];

/**
 * 备注: the elder, family linked to her, whoever booked or centre staff set a live meal booking's
 * remark (少盐, 饭要软, 送餐请敲门) before the cut-off — text, a voice note, or both; the request is
 * the whole remark. The voice note must be in this deployment's store (the needs' upload check),
 * checked before anything is written; the write is conditional on the booking still being live.
 */
export const remarkBooking = defineAction({
  input: ZRemarkBookingRequest,
  async handler({ bookingId, remark, voiceNote }, { actor, ds, tx, platform }) {
    const now = clock.now();
    await tx(async (em) => {
      const booking = await em.findOne(Booking, { where: { id: bookingId } });
      if (!booking) throw notFound('预订');
      const elder = await em.findOneByOrFail(Elder, { id: booking.elderId });
      const rel = relationToBooking(actor, booking, elder);
      if (!rel.elder && (await isLinkedFamily(em, actor.userId, elder.id))) rel.elder = true;
      if (!canSeeBooking(rel)) throw notFound('预订');
      if (!canRemark(rel)) throw forbidden();
      const slot = await em.findOneByOrFail(Slot, { id: booking.slotId });
      if (slot.kind !== 'meal') throw invalidTransition('只有助餐预订可以留备注');
      if (!LIVE.includes(booking.status) || now.getTime() >= slot.cutoffAt.getTime()) throw invalidTransition('已过截止时间或预订已结束，备注请电话告诉中心');
      if (voiceNote && !(await platform.photos.exists(voiceNote.fileId))) throw invalidInput('voiceNote', '语音不存在或已过期，请重新录制');
      const res = await em.update(
        Booking,
        { id: booking.id, status: In(LIVE) },
        { remark: remark || null, remarkVoiceId: voiceNote?.fileId ?? null, remarkVoiceSec: voiceNote?.durationSec ?? null, updatedAt: now },
      );
      if (res.affected !== 1) throw invalidTransition('预订已结束，请刷新');
    });
    return presentBooking(ds.manager, await ds.manager.findOneByOrFail(Booking, { id: bookingId }), actor, now);
  },
});
