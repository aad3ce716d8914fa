import type { EntityManager } from 'typeorm';
import type { BookingDTO } from '@hg/types';
import type { ActionContext } from '../../core/action';
import { clock } from '../../core/clock';
import { forbidden, notFound } from '../../core/errors';
import { Notifier } from '../notifications/public';
import type { BookingRelation } from './booking-status';
import { BOOKING_MACHINE, type BookingAction } from './booking-status';
import { Booking } from './booking.entity';
import { canSeeBooking, isLinkedFamily, relationToBooking } from './booking.policy';
import { presentBooking } from './booking.presenter';
import { Elder } from './elder.entity';
import { Slot } from './slot.entity';

export interface BookingStep {
  em: EntityManager;
  booking: Booking;
  slot: Slot;
  elder: Elder;
  rel: Record<BookingRelation, boolean>;
  now: Date;
  notifier: Notifier;
}

/**
 * The shape of every booking step: in one transaction load the booking → NOT_FOUND for people with
 * no part in it → FORBIDDEN when their relation may not take `action` → the step (which moves the
 * booking through the kit); return the fresh booking (pushes go out from the outbox).
 */
export async function runBookingStep(
  ctx: ActionContext,
  find: (em: EntityManager) => Promise<Booking | null>,
  action: BookingAction,
  step: (s: BookingStep) => Promise<void>,
): Promise<BookingDTO> {
  const now = clock.now();
  const notifier = new Notifier();
  const id = await ctx.tx(async (em) => {
    const booking = await find(em);
    if (!booking) throw notFound('预订');
    const elder = await em.findOneByOrFail(Elder, { id: booking.elderId });
    const rel = relationToBooking(ctx.actor, booking, elder);
    // A verified family member acts for the elder.
    if (!rel.elder && (await isLinkedFamily(em, ctx.actor.userId, elder.id))) rel.elder = true;
    if (!canSeeBooking(rel)) throw notFound('预订');
    const who = BOOKING_MACHINE.rule(action).who ?? [];
    if (!who.some((k) => rel[k])) throw forbidden();
    const slot = await em.findOneByOrFail(Slot, { id: booking.slotId });
    await step({ em, booking, slot, elder, rel, now, notifier });
    return booking.id;
  });
  const fresh = await ctx.ds.manager.findOneByOrFail(Booking, { id });
  return presentBooking(ctx.ds.manager, fresh, ctx.actor, now);
}
