import { ZStandingOrderRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { conflict, isUniqueViolation, notFound } from '../../../core/errors';
import { recordEvent } from '../../../core/subject-log';
import { Notifier } from '../../notifications/public';
import { bookingChannel } from '../booking.policy';
import { Elder } from '../elder.entity';
import { STANDING_MACHINE } from '../standing-order-status';
import { StandingOrder } from '../standing-order.entity';
import { fulfilStandingOrder, presentStandingOrders } from '../standing-orders';

/**
 * 长期预订 ("every weekday lunch, delivered"), by the elder, verified family or centre staff: one per
 * elder and sitting. The open sittings of the published week are booked at once; later weeks are
 * booked by the timer as menus are published.
 */
export const createStandingOrder = defineAction({
  input: ZStandingOrderRequest,
  async handler(input, ctx) {
    const now = clock.now();
    const elder = await ctx.ds.manager.findOne(Elder, { where: { id: input.elderId } });
    if (!elder || !(await bookingChannel(ctx.ds.manager, ctx.actor, elder))) throw notFound('老人档案');
    let order: StandingOrder;
    try {
      order = await ctx.tx(async (em) => {
        const row = await em.save(
          em.create(StandingOrder, {
            elderId: elder.id,
            centreId: elder.centreId,
            sitting: input.sitting,
            weekdays: [...new Set(input.weekdays)].sort().join(','),
            mode: input.mode ?? 'dine_in',
            status: 'active',
            missed: '',
            createdById: ctx.actor.userId,
            createdAt: now,
            updatedAt: now,
          }),
        );
        await recordEvent(em, { subjectKind: STANDING_MACHINE.name, subjectId: row.id, action: 'created', to: 'active', actorId: ctx.actor.userId, at: now });
        return row;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('该老人已有这一餐的长期预订，可以暂停或修改');
      throw err;
    }
    const notifier = new Notifier();
    await fulfilStandingOrder(ctx, order, now, notifier);
    const [dto] = await presentStandingOrders(ctx.ds.manager, [await ctx.ds.manager.findOneByOrFail(StandingOrder, { id: order.id })]);
    return dto;
  },
});
