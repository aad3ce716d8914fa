import type { EntityManager } from 'typeorm';
import { BOOKING_CHANNEL_LABEL, ErrorCode, ZBookRequest, type BookingChannel } from '@hg/types';
import { defineAction, type ActionContext } from '../../../core/action';
import { clock } from '../../../core/clock';
import { AppError, invalidInput, invalidTransition, notFound } from '../../../core/errors';
import { Notifier } from '../../notifications/public';
import { bookingMessage, placeBooking } from '../booking-flow';
import { bookingChannel } from '../booking.policy';
import { FamilyLink } from '../family-link.entity';
import { presentBooking } from '../booking.presenter';
import { Booking } from '../booking.entity';
import { Elder } from '../elder.entity';
import { Slot } from '../slot.entity';
import { readSubsidySettings } from '../subsidy-settings';

/**
 * 订餐 / 预约: take a seat at a slot for an elder — the elder, centre staff (walk-in, phone) or a
 * grid worker in the elder's community. The seat is a conditional update of the slot's counter and
 * the booking row is inserted in the same transaction, so the counter always equals the live
 * bookings; one live booking per elder and slot is a unique key; a repeated `requestId` answers the
 * first booking. A full slot is CAPACITY_FULL, or a waitlist place when `waitlist` is true.
 */
export const bookSlot = defineAction({
  input: ZBookRequest,
  async handler(input, ctx) {
    const now = clock.now();
    const again = await findByRequest(ctx, input.requestId);
    if (again) return presentBooking(ctx.ds.manager, again, ctx.actor, now);

    const slot = await ctx.ds.manager.findOne(Slot, { where: { id: input.slotId } });
    if (!slot) throw notFound('时段');
    const elder = await ctx.ds.manager.findOne(Elder, { where: { id: input.elderId } });
    const channel = elder ? await bookingChannel(ctx.ds.manager, ctx.actor, elder) : null;
    if (!elder || !channel) throw notFound('老人档案');
    if (elder.centreId !== slot.centreId) throw invalidInput('slotId', '该时段不属于老人建档的中心');
    if (input.mode === 'delivery' && (slot.kind !== 'meal' || slot.capacityDelivery === 0)) throw invalidInput('mode', '该时段不提供送餐');
    if (input.mode === 'dine_in' && slot.capacityDineIn === 0) throw invalidInput('mode', '该时段只提供送餐');
    if (now.getTime() >= slot.cutoffAt.getTime()) throw invalidTransition('已过预订截止时间');
    if (slot.opensAt && now.getTime() < slot.opensAt.getTime()) throw invalidTransition('还未开放预订，请到开放时间再来');
    // In a rush most callers arrive after the last seat went: answer them from the row just read,
    // without a transaction (the conditional update below still decides every seat).
    const left = input.mode === 'delivery' ? slot.capacityDelivery - slot.heldDelivery : slot.capacityDineIn - slot.heldDineIn;
    if (left <= 0 && !input.waitlist) throw new AppError(ErrorCode.CAPACITY_FULL, '名额已满，可以加入候补');

    // The city's subsidy in force (one primary-key read, outside the seat's transaction): the
    // booking is priced by it and keeps that price; the answer names the tier by it.
    const settings = await readSubsidySettings(ctx.ds.manager);
    const notifier = new Notifier();
    const row = await placeBooking(ctx, {
      slot,
      elder,
      mode: input.mode,
      requestId: input.requestId,
      bookedById: ctx.actor.userId,
      channel,
      waitlist: input.waitlist ?? false,
      now,
      settings,
      // 代订: the elder is told in the booking's transaction — in her own account, or, without
      // one, her verified family — so nobody learns of a meal booked behind her back.
      alongside: channel === 'self' ? undefined : (em, booking) => tellElder(em, notifier, elder, booking, slot, channel),
    });
    return presentBooking(ctx.ds.manager, row, ctx.actor, now, settings);
  },
});

async function tellElder(em: EntityManager, notifier: Notifier, elder: Elder, booking: Booking, slot: Slot, channel: BookingChannel): Promise<void> {
  const to = elder.userId
    ? [elder.userId]
    : (await em.find(FamilyLink, { where: { elderId: elder.id, status: 'verified' }, select: { userId: true } })).map((l) => l.userId);
  const body = `${elder.userId ? '已为您' : `已为${elder.name}`}预订 ${slot.day} ${slot.title}（${BOOKING_CHANNEL_LABEL[channel]}）`;
  await notifier.to(em, to, bookingMessage(booking, '有人为老人订了餐', body), booking.bookedById);
}

function findByRequest(ctx: ActionContext, requestId: string): Promise<Booking | null> {
  return ctx.ds.manager.findOne(Booking, { where: { bookedById: ctx.actor.userId, requestId } });
}
