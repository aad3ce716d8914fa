import { In } from 'typeorm';
import { ZDeliveryListRequest, type DeliveryListDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { byId } from '../../../core/by-id';
import { forbidden, notFound } from '../../../core/errors';
import { eventsOf } from '../../../core/subject-log';
import { householdPlaces } from '../../households/public';
import { BOOKING_SUBJECT } from '../booking-flow';
import { isCentreStaff } from '../booking.policy';
import { dietsOf, presentRemark } from '../booking.presenter';
import { Booking } from '../booking.entity';
import { Elder } from '../elder.entity';
import { Slot } from '../slot.entity';

type Stop = DeliveryListDTO['routes'][number]['buildings'][number]['stops'][number];

/** Where an address's building or house number ends: 「锦屏花园3栋1单元201」 → 锦屏花园 / 3栋. */
const BUILDING = /^(.*?)(\d+\s*(?:号楼|栋|幢|座|号院|号))/;

/**
 * The route of a delivery address: the compound or street before its building (or house number),
 * and that building. An address without one is a route of its own, so nothing is hidden under a
 * wrong heading.
 */
export function routeOf(address: string): { compound: string; building: string } {
  const m = BUILDING.exec(address.trim());
  if (!m || !m[1]) return { compound: address.trim() || '未填写地址', building: '' };
  return { compound: m[1].trim(), building: m[2].replace(/\s+/g, '') };
}

/**
 * 送餐单: the delivered meals of one sitting grouped into routes by the delivery address on the
 * elder's profile — where the meal goes, which is not always the household the elder is bound to
 * (a daughter's flat, an old courtyard with no compound). Only an elder with no address falls back
 * to the bound home's. With names, full phones, diets, what to collect, 独居, and the round's
 * outcome (送达, or 不在家 / 拒收 from the subject log) — for centre staff (and their volunteers) only.
 * There is no delivery code: see docs/api.md (`deliver`).
 */
export const getDeliveryList = defineAction({
  input: ZDeliveryListRequest,
  async handler({ slotId }, ctx) {
    const em = ctx.ds.manager;
    const slot = await em.findOne(Slot, { where: { id: slotId } });
    if (!slot) throw notFound('时段');
    if (!isCentreStaff(ctx.actor, slot.centreId)) throw forbidden('只有本中心工作人员可以查看送餐单');
    const rows = await em.find(Booking, { where: { slotId, mode: 'delivery', status: In(['booked', 'redeemed', 'no_show']) }, order: { id: 'ASC' } });
    const elders = await byId(
      em,
      Elder,
      rows.map((b) => b.elderId),
    );
    const homes = await householdPlaces(
      em,
      [...elders.values()].flatMap((e) => (!e.address && e.householdId ? [e.householdId] : [])),
    );
    // Why each missed stop was missed, from its delivery_missed row (a timer no-show has none).
    const missed = new Map<number, string>();
    const missedIds = rows.filter((b) => b.status === 'no_show').map((b) => b.id);
    for (const e of await eventsOf(em, BOOKING_SUBJECT, missedIds, { actions: ['delivery_missed'] }))
      missed.set(e.subjectId, String((e.data as { note?: string } | null)?.note ?? '未送达'));

    const routes = new Map<string, Map<string, Stop[]>>();
    for (const b of rows) {
      const elder = elders.get(b.elderId)!;
      const home = elder.householdId ? homes.get(elder.householdId) : undefined;
      const address = elder.address || (home ? `${home.compound.name}${home.building.name}${home.unit.name}${home.room}` : '');
      const { compound, building } = elder.address || !home ? routeOf(address) : { compound: home.compound.name, building: home.building.name };
      if (!routes.has(compound)) routes.set(compound, new Map());
      const byBuilding = routes.get(compound)!;
      if (!byBuilding.has(building)) byBuilding.set(building, []);
      byBuilding.get(building)!.push({
        bookingId: b.id,
        name: elder.name,
        address,
        // The round needs to call at the door: the full number, for staff only.
        phone: elder.phone ?? '',
        diets: dietsOf(elder),
        allergies: elder.allergies,
        status: b.status,
        livesAlone: elder.livesAlone,
        payFen: b.payFen,
        paidBy: b.paidBy,
        // A timer no-show (nobody recorded the door) has no reason and alerted nobody.
        missed: missed.get(b.id) ?? null,
        remark: presentRemark(b),
      });
    }
    const sorted = (m: Map<string, unknown>) => [...m.keys()].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));
    return {
      slot: { id: slot.id, day: slot.day, title: slot.title },
      total: rows.length,
      routes: sorted(routes).map((compound) => ({
        compound,
        buildings: sorted(routes.get(compound)!).map((building) => ({
          building,
          stops: routes.get(compound)!.get(building)!.sort((x, y) => x.address.localeCompare(y.address, 'zh-CN', { numeric: true })),
        })),
      })),
    };
  },
});
