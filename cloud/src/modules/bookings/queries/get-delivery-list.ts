import { In } from 'typeorm';
import { ZDeliveryListRequest, type DeliveryListDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { byId } from '../../../core/by-id';
import { forbidden, notFound } from '../../../core/errors';
import { householdPlaces } from '../../households/public';
import { isCentreStaff } from '../booking.policy';
import { dietsOf } from '../booking.presenter';
import { Booking } from '../booking.entity';
import { Elder } from '../elder.entity';
import { Slot } from '../slot.entity';

/**
 * 送餐单: the delivered meals of one sitting, grouped into routes by compound and building, with
 * names, addresses, phones and diets — for centre staff (and the volunteer they hand it to) only.
 */
export const getDeliveryList = defineAction({
  input: ZDeliveryListRequest,
  async handler({ slotId }, ctx) {
    const em = ctx.ds.manager;
    const slot = await em.findOne(Slot, { where: { id: slotId } });
    if (!slot) throw notFound('时段');
    if (!isCentreStaff(ctx.actor, slot.centreId)) throw forbidden('只有本中心工作人员可以查看送餐单');
    const rows = await em.find(Booking, { where: { slotId, mode: 'delivery', status: In(['booked', 'redeemed']) }, order: { id: 'ASC' } });
    const elders = await byId(
      em,
      Elder,
      rows.map((b) => b.elderId),
    );
    // Each home's room, building and compound names, in one query.
    const homes = await householdPlaces(
      em,
      [...elders.values()].flatMap((e) => (e.householdId ? [e.householdId] : [])),
    );
    const routes = new Map<string, Map<string, DeliveryListDTO['routes'][number]['buildings'][number]['stops']>>();
    for (const b of rows) {
      const elder = elders.get(b.elderId)!;
      const home = elder.householdId ? homes.get(elder.householdId) : undefined;
      const compound = home ? home.compound.name : '其他地址';
      const building = home ? home.building.name : '';
      if (!routes.has(compound)) routes.set(compound, new Map());
      const byBuilding = routes.get(compound)!;
      if (!byBuilding.has(building)) byBuilding.set(building, []);
      byBuilding.get(building)!.push({
        bookingId: b.id,
        name: elder.name,
        address: elder.address || (home ? `${compound}${building}${home.room}` : ''),
        // The round needs to call at the door: the full number, for staff only.
        phone: elder.phone ?? '',
        diets: dietsOf(elder),
        allergies: elder.allergies,
        status: b.status,
      });
    }
    const sorted = (m: Map<string, unknown>) => [...m.keys()].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));
    return {
      slot: { id: slot.id, day: slot.day, title: slot.title },
      total: rows.length,
      routes: sorted(routes).map((compound) => ({
        compound,
        buildings: sorted(routes.get(compound)!).map((building) => ({ building, stops: routes.get(compound)!.get(building)! })),
      })),
    };
  },
});
