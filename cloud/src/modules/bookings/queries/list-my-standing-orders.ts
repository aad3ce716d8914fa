import { In } from 'typeorm';
import { ZEmptyRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { Elder } from '../elder.entity';
import { FamilyLink } from '../family-link.entity';
import { StandingOrder } from '../standing-order.entity';
import { presentStandingOrders } from '../standing-orders';

/** Standing orders of the elders the caller is or is verified family of, and those the caller set up. */
export const listMyStandingOrders = defineAction({
  input: ZEmptyRequest,
  async handler(_input, { actor, ds }) {
    const own = await ds.manager.find(Elder, { where: { userId: actor.userId } });
    const family = await ds.manager.find(FamilyLink, { where: { userId: actor.userId, status: 'verified' } });
    const elderIds = [...own.map((e) => e.id), ...family.map((f) => f.elderId)];
    const rows = await ds.manager.find(StandingOrder, {
      where: [...(elderIds.length ? [{ elderId: In(elderIds) }] : []), { createdById: actor.userId }],
      order: { id: 'DESC' },
      take: 100,
    });
    return presentStandingOrders(ds.manager, rows);
  },
});
