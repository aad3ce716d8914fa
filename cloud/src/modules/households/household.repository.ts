import type { DataSource } from 'typeorm';
import { runInTransaction } from '../../core/data-source';
import { isUniqueViolation } from '../../core/errors';
import { Household } from './household.entity';

/**
 * Rooms are unique per unit; two first arrivals for one room race on that key and the loser
 * re-reads. Its own short transaction keeps it inside the SQLite queue and out of the caller's
 * transaction (the room registry row describes a real room, not the request that found it).
 */
export async function findOrCreateHousehold(ds: DataSource, h: Omit<Household, 'id'>): Promise<Household> {
  const found = await ds.manager.findOne(Household, { where: { unitId: h.unitId, room: h.room } });
  if (found) return found;
  try {
    return await runInTransaction(ds, (em) => em.save(em.create(Household, h)));
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return ds.manager.findOneOrFail(Household, { where: { unitId: h.unitId, room: h.room } });
  }
}
