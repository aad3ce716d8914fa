import { ZReserveRequest } from '@hg/types/slots-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { invalidInput, notFound } from '../../../core/errors';
import { reserve, slotById } from '../../slots/public';
import { presentReservations } from '../venue/venue.presenter';
import { assertGroupMember, assertVerifiedResident } from '../venue/venue.policy';

/**
 * 预约活动室 / 健康咨询 / 上门服务: a verified resident takes a seat for themselves on the slot
 * engine, without an elder registration, or a member of a registered group books for the group. A repeated `requestId` answers the first booking; full →
 * CAPACITY_FULL, or a waitlist place; a visit must say where and what.
 */
export const reserveSlot = defineAction({
  input: ZReserveRequest,
  async handler(input, ctx) {
    const em = ctx.ds.manager;
    if (input.groupId) await assertGroupMember(em, ctx.actor, input.groupId);
    else await assertVerifiedResident(em, ctx.actor);
    const slot = await slotById(em, input.slotId);
    if (!slot) throw notFound('时段');
    if (slot.kind === 'meal') throw invalidInput('slotId', '订餐请从助餐页面为老人预订');
    const booking = await reserve(ctx, {
      slotId: slot.id,
      holder: input.groupId ? { kind: 'group', id: input.groupId } : { kind: 'user', id: ctx.actor.userId },
      requestId: input.requestId,
      bookedById: ctx.actor.userId,
      waitlist: input.waitlist ?? false,
      place: input.place,
      purpose: input.purpose,
      at: clock.now(),
    });
    return (await presentReservations(em, [booking], ctx.actor, clock.now()))[0];
  },
});
