import { In, IsNull, type EntityManager } from 'typeorm';
import { fullPrice, localYear, priceFor, type BookingsSettings, type Price } from '@hg/types';
import { byId } from '../../core/by-id';
import { invalidTransition } from '../../core/errors';
import { Booking } from './booking.entity';
import { Elder } from './elder.entity';
import { readSubsidySettings } from './subsidy-settings';
import { sameElderIds, subsidisedMealsOn } from './daily-subsidy';
import { Slot } from './slot.entity';

/** What a subsidy reads of an elder: the declared status, and whether the centre verified it. */
export const subsidyClaim = (elder: Pick<Elder, 'birthYear' | 'livesAlone' | 'dibao' | 'tekun' | 'verifiedAt'>) => ({
  birthYear: elder.birthYear,
  livesAlone: elder.livesAlone,
  dibao: elder.dibao,
  tekun: elder.tekun,
  verified: elder.verifiedAt !== null,
});

/** The price of a slot for an elder at `now` under the city's subsidy: a subsidy only for a verified status. */
export const priceForElder = (priceFen: number, elder: Elder, now: Date, settings: BookingsSettings): Price =>
  priceFor(priceFen, subsidyClaim(elder), localYear(now), settings);

/** Bookings not yet taken: their price follows the verification. */
const UNTAKEN = ['booked', 'offered', 'waitlisted'] as const;

export interface Verification {
  elder: Elder;
  by: number;
  at: Date;
  /** What staff found in the documents, where it differs from the declaration. */
  corrections: Partial<Pick<Elder, 'birthYear' | 'livesAlone' | 'dibao' | 'tekun'>>;
}

/**
 * Centre staff verify an elder's declared age, 独居, 低保 and 特困 (correcting what the documents say
 * otherwise): a compare-and-set on `verifiedAt IS NULL`, so two staff at once verify once (the
 * second gets INVALID_TRANSITION). The elder's bookings not yet taken are priced again by the
 * verified status and the city's subsidy in force (read once, in the same transaction), so a meal
 * booked while the status was pending earns its subsidy when it is taken; meals already taken stay
 * as they were charged.
 */
export async function verifyElderStatus(em: EntityManager, v: Verification): Promise<Elder> {
  const res = await em.update(Elder, { id: v.elder.id, verifiedAt: IsNull() }, { ...v.corrections, verifiedById: v.by, verifiedAt: v.at });
  if (res.affected !== 1) throw invalidTransition('该老人的情况已经核实过');
  const elder = await em.findOneByOrFail(Elder, { id: v.elder.id });
  const untaken = await em.find(Booking, { where: { elderId: elder.id, status: In([...UNTAKEN]) } });
  const settings = untaken.length ? await readSubsidySettings(em) : null;
  // Earliest first, so the day's first meals take its subsidised places (subsidisedMealsPerDay).
  const slots = await byId(
    em,
    Slot,
    untaken.map((b) => b.slotId),
  );
  untaken.sort((a, b) => (slots.get(a.slotId)?.startsAt.getTime() ?? 0) - (slots.get(b.slotId)?.startsAt.getTime() ?? 0) || a.id - b.id);
  const person = untaken.length ? await sameElderIds(em, elder) : [];
  for (const b of untaken) {
    const slot = slots.get(b.slotId);
    let price = priceForElder(b.priceFen, elder, v.at, settings!);
    // Counted with the re-priced bookings already written in this loop (same transaction).
    if (
      slot?.kind === 'meal' &&
      price.subsidyFen > 0 &&
      (await subsidisedMealsOn(em, person, slot.day, { bookingId: b.id })) >= settings!.subsidisedMealsPerDay
    ) {
      price = fullPrice(b.priceFen);
    }
    if (price.tier === b.tier && price.subsidyFen === b.subsidyFen) continue;
    // Only while still untaken: a booking redeemed meanwhile keeps what was charged.
    await em.update(Booking, { id: b.id, status: In([...UNTAKEN]) }, { subsidyFen: price.subsidyFen, payFen: price.payFen, tier: price.tier, updatedAt: v.at });
  }
  return elder;
}
