import type { EntityManager } from 'typeorm';
import type { ReservationDTO } from '@hg/types';
import type { ActionContext } from '../../../core/action';
import { clock } from '../../../core/clock';
import { Notifier } from '../../notifications/public';
import { bookingById, type SlotBookingAction, type SlotBookingRelation, type SlotBookingView } from '../../slots/public';
import { presentReservations } from './venue.presenter';
import { assertMayTake, relationToReservation } from './venue.policy';

/**
 * The shape of every step on a resident's engine booking: in one transaction read it → NOT_FOUND
 * for people with no part in it → FORBIDDEN when their relation may not take `action` → the
 * engine's step; answer the fresh booking (pushes go out from the outbox).
 */
export async function runReservationStep(
  ctx: ActionContext,
  reservationId: number,
  action: SlotBookingAction,
  step: (s: { em: EntityManager; booking: SlotBookingView; rel: Record<SlotBookingRelation, boolean>; now: Date; notifier: Notifier }) => Promise<unknown>,
): Promise<ReservationDTO> {
  const now = clock.now();
  const notifier = new Notifier();
  await ctx.tx(async (em) => {
    const booking = await bookingById(em, reservationId);
    const rel = relationToReservation(ctx.actor, booking);
    assertMayTake(rel, action);
    await step({ em, booking, rel, now, notifier });
  });
  const fresh = await bookingById(ctx.ds.manager, reservationId);
  return (await presentReservations(ctx.ds.manager, [fresh], ctx.actor, now))[0];
}
