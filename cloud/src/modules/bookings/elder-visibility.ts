import type { BookingsSettings, Price, PriceDTO } from '@hg/types';
import type { Actor } from '../identity/public';
import { actsForElder, isCentreStaff, type ElderHome } from './booking.policy';
import type { Elder } from './elder.entity';
import { tierLabelOf } from './subsidy-settings';

/**
 * Who sees what of an elder — decided once, here; every read of the bookings module (quotes,
 * bookings in any list, profiles, the kitchen and delivery sheets, the subsidy report) goes
 * through it. docs/api.md (`bookings`, "Who sees what of an elder") is the same table in words.
 */
export type ElderViewer = 'self' | 'staff' | 'family' | 'grid';

export interface ElderView {
  /** 低保 and 特困, the subsidy tier and amount, and what the elder pays (it gives the tier away). */
  subsidy: boolean;
  /** 独居 and 高龄 (80+): what a planned visit needs. */
  livingSituation: boolean;
  /** The raw profile: diets, allergies, health — the kitchen's and the counter's. */
  profile: boolean;
  /** Dish-by-dish diet and allergy warnings while booking for the elder (a quote). */
  bookingWarnings: boolean;
}

const NOTHING: ElderView = { subsidy: false, livingSituation: false, profile: false, bookingWarnings: false };

export const ELDER_VISIBILITY: Record<ElderViewer, ElderView> = {
  // Their own data.
  self: { subsidy: true, livingSituation: true, profile: true, bookingWarnings: true },
  // The centre keeps the profile and claims the subsidy.
  staff: { subsidy: true, livingSituation: true, profile: true, bookingWarnings: true },
  // Verified family book meals: they need the warnings, not the subsidy category.
  family: { subsidy: false, livingSituation: false, profile: false, bookingWarnings: true },
  // Proxies over the elder's home (grid workers, heads, community staff) plan visits and book on them (代订): 独居 / 高龄 and the
  // warnings while booking; never 低保 / 特困, health or diet.
  grid: { subsidy: false, livingSituation: true, profile: false, bookingWarnings: true },
};

/** How the actor relates to the elder (family from a verified link, read by the caller). */
export function elderViewers(
  actor: Actor,
  elder: Pick<Elder, 'userId' | 'centreId'> & ElderHome,
  linkedFamily: boolean,
): ElderViewer[] {
  const out: ElderViewer[] = [];
  if (elder.userId !== null && elder.userId === actor.userId) out.push('self');
  if (isCentreStaff(actor, elder.centreId)) out.push('staff');
  if (linkedFamily) out.push('family');
  if (actsForElder(actor, elder)) out.push('grid');
  return out;
}

/** What someone with these relations may see: the union of what each relation sees; none, nothing. */
export function elderView(viewers: ElderViewer[]): ElderView {
  return viewers.reduce<ElderView>(
    (v, who) => ({
      subsidy: v.subsidy || ELDER_VISIBILITY[who].subsidy,
      livingSituation: v.livingSituation || ELDER_VISIBILITY[who].livingSituation,
      profile: v.profile || ELDER_VISIBILITY[who].profile,
      bookingWarnings: v.bookingWarnings || ELDER_VISIBILITY[who].bookingWarnings,
    }),
    NOTHING,
  );
}

/** A price as this view may see it: without the subsidy view, the menu price only; the tier by the city's name for it. */
export function presentPrice(price: Price, view: ElderView, settings: BookingsSettings): { price: PriceDTO; tierLabel: string | null } {
  if (!view.subsidy) return { price: { priceFen: price.priceFen, subsidyFen: null, payFen: null, tier: null }, tierLabel: null };
  return { price: { ...price }, tierLabel: tierLabelOf(settings, price.tier) };
}
