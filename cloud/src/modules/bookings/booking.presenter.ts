import { In, type EntityManager } from 'typeorm';
import {
  BOOKING_CHANNEL_LABEL,
  BOOKING_STATUS_LABEL,
  MEAL_MODE_LABEL,
  SLOT_KIND_LABEL,
  ELDER_VERIFICATION_LABEL,
  localYear,
  priceFor,
  subsidyTierOf,
  readAllergens,
  type BookingsSettings,
  type ElderVerification,
  type BookingDTO,
  type BookingRemarkDTO,
  type CentreDTO,
  type DietTag,
  type DishDTO,
  type ElderDTO,
  type SlotDTO,
} from '@hg/types';
import { byId } from '../../core/by-id';
import { photoUrl } from '../../core/uploads';
import { communitiesByIds, organisationsByIds, type OrganisationRow } from '../community/public';
import { maskPhone, usersById, type Actor } from '../identity/public';
import { BOOKING_MACHINE } from './booking-status';
import type { Booking } from './booking.entity';
import { canRemark, relationToBooking } from './booking.policy';
import { Elder } from './elder.entity';
import { subsidyClaim } from './elder-verification';
import { elderView, elderViewers, presentPrice } from './elder-visibility';
import { FamilyLink } from './family-link.entity';
import { Slot } from './slot.entity';
import { readSubsidySettings, tierLabelOf } from './subsidy-settings';

export const dietsOf = (elder: Pick<Elder, 'diets'>): DietTag[] => (elder.diets ? (elder.diets.split(',') as DietTag[]) : []);
/** The stored menu; allergens kept as text by menus saved before the shared vocabulary are read into it. */
export const dishesOf = (slot: Pick<Slot, 'dishes'>): DishDTO[] =>
  slot.dishes
    ? (JSON.parse(slot.dishes) as (Omit<DishDTO, 'allergens'> & { allergens?: string | string[] })[]).map((d) => ({
        ...d,
        allergens: readAllergens(d.allergens),
      }))
    : [];

/** Slot → DTO; `open` is judged against `now` (the cut-off). */
export function presentSlot(slot: Slot, now: Date, extra: { waitlisted?: number; myBooking?: BookingDTO | null; allergyWarnings?: string[] } = {}): SlotDTO {
  return {
    id: slot.id,
    centreId: slot.centreId,
    kind: slot.kind,
    kindLabel: SLOT_KIND_LABEL[slot.kind],
    day: slot.day,
    sitting: slot.sitting,
    title: slot.title,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    cutoffAt: slot.cutoffAt.toISOString(),
    open: now.getTime() < slot.cutoffAt.getTime() && (!slot.opensAt || now.getTime() >= slot.opensAt.getTime()),
    priceFen: slot.priceFen,
    dishes: dishesOf(slot),
    seats: {
      dineIn: { capacity: slot.capacityDineIn, left: Math.max(0, slot.capacityDineIn - slot.heldDineIn) },
      delivery: { capacity: slot.capacityDelivery, left: Math.max(0, slot.capacityDelivery - slot.heldDelivery) },
    },
    opensAt: slot.opensAt?.toISOString() ?? null,
    quotaPerWeek: slot.quotaPerWeek,
    waitlisted: extra.waitlisted ?? 0,
    myBooking: extra.myBooking ?? null,
    allergyWarnings: extra.allergyWarnings ?? [],
  };
}

/**
 * Elders → DTOs (the whole profile), the verifiers' names in one query. Only for those who may see
 * the profile (the elder, centre staff: elder-visibility.ts); anyone else's rows are left out.
 */
export async function presentElders(em: EntityManager, input: Elder[], actor: Actor, now: Date): Promise<ElderDTO[]> {
  const rows = input.filter((e) => elderView(elderViewers(actor, e, false)).profile);
  if (!rows.length) return [];
  const verifiers = await usersById(
    em,
    rows.map((e) => e.verifiedById),
  );
  const settings = await readSubsidySettings(em);
  const year = localYear(now);
  return rows.map((elder) => {
    const tier = priceFor(Number.MAX_SAFE_INTEGER, subsidyClaim(elder), year, settings).tier;
    return {
      id: elder.id,
      centreId: elder.centreId,
      name: elder.name,
      phoneMasked: maskPhone(elder.phone),
      landlineMasked: maskLandline(elder.landline),
      guardian: elder.guardianName && elder.guardianPhone ? { name: elder.guardianName, phoneMasked: maskPhone(elder.guardianPhone) } : null,
      age: year - elder.birthYear,
      address: elder.address,
      livesAlone: elder.livesAlone,
      dibao: elder.dibao,
      tekun: elder.tekun,
      diets: dietsOf(elder),
      allergies: elder.allergies,
      tier,
      tierLabel: tierLabelOf(settings, tier),
      tierFen: tier ? subsidyTierOf(settings, tier).fen : null,
      hasAccount: elder.userId !== null,
      verification: presentVerification(elder, verifiers),
    };
  });
}

/** A landline as lists show phones: the area code and the last four digits (0817-***2333). */
export function maskLandline(landline: string | null | undefined): string {
  if (!landline) return '';
  const [area, number] = landline.includes('-') ? landline.split('-') : ['', landline];
  return `${area ? `${area}-` : ''}${'*'.repeat(Math.max(number.length - 4, 0))}${number.slice(-4)}`;
}

function presentVerification(elder: Elder, verifiers: Map<number, { name: string }>): ElderDTO['verification'] {
  const status: ElderVerification = elder.verifiedAt ? 'verified' : 'pending';
  return {
    status,
    statusLabel: ELDER_VERIFICATION_LABEL[status],
    at: elder.verifiedAt?.toISOString() ?? null,
    byName: elder.verifiedById !== null ? verifiers.get(elder.verifiedById)?.name || '中心工作人员' : null,
  };
}

/**
 * Bookings → DTOs with their slots, elders and centres loaded in three queries; the tiers' names
 * from the city's subsidy settings (pass them when the request already read them).
 */
export async function presentBookings(em: EntityManager, rows: Booking[], actor: Actor, now: Date, settings?: BookingsSettings): Promise<BookingDTO[]> {
  if (!rows.length) return [];
  const subsidy = settings ?? (await readSubsidySettings(em));
  const slots = await byId(
    em,
    Slot,
    rows.map((b) => b.slotId),
  );
  const elders = await byId(
    em,
    Elder,
    rows.map((b) => b.elderId),
  );
  const centres = await organisationsByIds(
    em,
    rows.map((b) => b.centreId),
  );
  // Verified family act for the elder (cancel, confirm), like the elder themselves.
  const elderIds = [...new Set(rows.map((b) => b.elderId))];
  const linked = new Set(
    elderIds.length ? (await em.find(FamilyLink, { where: { userId: actor.userId, status: 'verified', elderId: In(elderIds) } })).map((l) => l.elderId) : [],
  );
  // Waitlist positions: one read of the waiting lines of the page's slots (a line is short: the
  // slot's waitlist), counted per slot and mode in id order, instead of one COUNT per booking.
  const waiting = rows.filter((b) => b.status === 'waitlisted');
  const positions = new Map<number, number>();
  if (waiting.length) {
    const lines = await em
      .createQueryBuilder()
      .select(['b.id AS id', 'b.slotId AS slotId', 'b.mode AS mode'])
      .from('bookings', 'b')
      .where('b.slotId IN (:...slotIds) AND b.status = :status', { slotIds: [...new Set(waiting.map((b) => b.slotId))], status: 'waitlisted' })
      .orderBy('b.id', 'ASC')
      .getRawMany<{ id: number | string; slotId: number | string; mode: string }>();
    const seen = new Map<string, number>();
    for (const line of lines) {
      const key = `${line.slotId}:${line.mode}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      positions.set(Number(line.id), n);
    }
  }
  return rows.map((b) => {
    const slot = slots.get(b.slotId)!;
    const elder = elders.get(b.elderId)!;
    const rel = relationToBooking(actor, b, elder);
    if (linked.has(b.elderId)) rel.elder = true;
    const beforeCutoff = now.getTime() < slot.cutoffAt.getTime();
    const can: BookingDTO['can'] = [];
    if ((rel.elder || rel.booker || rel.staff) && beforeCutoff && BOOKING_MACHINE.allows('cancel', b.status)) can.push('cancel');
    if ((rel.elder || rel.booker || rel.staff) && BOOKING_MACHINE.allows('confirm', b.status)) can.push('confirm');
    if (rel.staff && b.mode === 'dine_in' && BOOKING_MACHINE.allows('redeem', b.status)) can.push('redeem');
    if (rel.staff && b.mode === 'delivery' && BOOKING_MACHINE.allows('deliver', b.status)) can.push('deliver');
    const live = b.status === 'booked' || b.status === 'offered' || b.status === 'waitlisted';
    if (canRemark(rel) && slot.kind === 'meal' && live && beforeCutoff) can.push('remark');
    return {
      id: b.id,
      slotId: b.slotId,
      status: b.status,
      statusLabel: BOOKING_STATUS_LABEL[b.status],
      mode: b.mode,
      modeLabel: MEAL_MODE_LABEL[b.mode],
      code: b.code,
      elder: { id: elder.id, name: elder.name },
      slot: {
        kind: slot.kind,
        day: slot.day,
        title: slot.title,
        startsAt: slot.startsAt.toISOString(),
        cutoffAt: slot.cutoffAt.toISOString(),
        centreName: centres.get(b.centreId)?.name ?? '',
      },
      channel: b.channel,
      channelLabel: BOOKING_CHANNEL_LABEL[b.channel],
      // The subsidy part only for those who may see the elder's subsidy category (elder-visibility.ts).
      ...presentPrice(
        { priceFen: b.priceFen, subsidyFen: b.subsidyFen, payFen: b.payFen, tier: b.tier },
        elderView(elderViewers(actor, elder, linked.has(b.elderId))),
        subsidy,
      ),
      waitlistPosition: positions.get(b.id) ?? null,
      offerExpiresAt: b.offerExpiresAt?.toISOString() ?? null,
      redeemedAt: b.redeemedAt?.toISOString() ?? null,
      paidBy: b.paidBy,
      createdAt: b.createdAt.toISOString(),
      remark: canRemark(rel) ? presentRemark(b) : null,
      can,
    };
  });
}

/** A booking's 备注 as its readers get it (null: none); callers decide who may read it (canRemark). */
export function presentRemark(b: Pick<Booking, 'remark' | 'remarkVoiceId' | 'remarkVoiceSec'>): BookingRemarkDTO | null {
  if (!b.remark && !b.remarkVoiceId) return null;
  return {
    text: b.remark,
    voiceNote: b.remarkVoiceId ? { fileId: b.remarkVoiceId, url: photoUrl(b.remarkVoiceId), durationSec: b.remarkVoiceSec ?? 0 } : null,
  };
}

export async function presentBooking(em: EntityManager, row: Booking, actor: Actor, now: Date, settings?: BookingsSettings): Promise<BookingDTO> {
  const [dto] = await presentBookings(em, [row], actor, now, settings);
  return dto;
}

/** Centres → DTOs (public information: name, hotline, community), communities in one query. */
export async function presentCentres(em: EntityManager, centres: OrganisationRow[]): Promise<CentreDTO[]> {
  const communities = await communitiesByIds(
    em,
    centres.map((c) => c.communityId),
  );
  return centres.map((c) => ({
    id: c.id,
    name: c.name,
    hotline: c.hotline,
    community: { id: c.communityId ?? 0, name: (c.communityId && communities.get(c.communityId)?.name) || '' },
  }));
}
