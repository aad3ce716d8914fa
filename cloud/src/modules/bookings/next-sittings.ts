import { In, MoreThan, type EntityManager } from 'typeorm';
import type { CompoundHomeDTO } from '@hg/types';
import { dishesOf } from './booking.presenter';
import { centresServing } from './centres';
import { Slot } from './slot.entity';

/** The centres serving a compound and their next few open meal sittings (for the compound home). */
export async function nextSittings(em: EntityManager, compoundId: number, now: Date, perCentre = 3): Promise<CompoundHomeDTO['careCentres']> {
  const centres = await centresServing(em, [compoundId]);
  if (!centres.length) return [];
  const slots = await em.find(Slot, {
    where: { centreId: In(centres.map((c) => c.id)), kind: 'meal', cutoffAt: MoreThan(now) },
    order: { startsAt: 'ASC' },
    take: perCentre * centres.length * 2,
  });
  return centres.map((c) => ({
    id: c.id,
    name: c.name,
    hotline: c.hotline,
    nextSittings: slots
      .filter((s) => s.centreId === c.id)
      .slice(0, perCentre)
      .map((s) => ({
        slotId: s.id,
        day: s.day,
        title: s.title,
        dishes: dishesOf(s).map((d) => d.name),
        seatsLeft: Math.max(0, s.capacityDineIn - s.heldDineIn) + Math.max(0, s.capacityDelivery - s.heldDelivery),
      })),
  }));
}
