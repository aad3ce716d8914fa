import { In, type EntityManager } from 'typeorm';
import { VISIBLE_PERIOD_STATUSES, type CompoundHomeDTO, type CompoundType } from '@hg/types';
import { FirmResult, RatingPeriod } from './entities';

/** The firm's latest public stars (公示中 or final, current version) for one compound type (the compound home's card). */
export async function latestFirmRating(em: EntityManager, firmId: number, type: CompoundType): Promise<CompoundHomeDTO['firmRating']> {
  const period = await em.findOne(RatingPeriod, { where: { status: In([...VISIBLE_PERIOD_STATUSES]) }, order: { id: 'DESC' } });
  if (!period) return null;
  const r = await em.findOne(FirmResult, { where: { periodId: period.id, firmId, compoundType: type } });
  return r ? { stars: r.starsX2 === null ? null : r.starsX2 / 2, sample: r.sample, periodCode: period.code } : null;
}
