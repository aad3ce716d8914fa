import type { EntityManager } from 'typeorm';
import { localDay as localDayOf, SLOT_KINDS_ASKING_WHERE_AND_WHAT, type ReservationDTO, type VenueSlotDTO } from '@hg/types';
import { organisationsWhere } from '../../community/public';
import { usersById, type Actor } from '../../identity/public';
import { liveBookingsOf, slotsByIds, slotsEverBooked, waitingBySlot, SLOT_BOOKING_MACHINE, type SlotBookingView, type SlotView } from '../../slots/public';
import { isCentreStaff } from '../booking.policy';
import { relationToReservation } from './venue.policy';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Slots for the caller: seats left, whether a full one takes a waitlist and how many wait (a
 * count, no names), their own live booking, whether staff may still edit. Three queries however
 * many slots (the waiting counts are one grouped read).
 */
export async function presentVenueSlots(em: EntityManager, slots: readonly SlotView[], actor: Actor): Promise<VenueSlotDTO[]> {
  const ids = slots.map((s) => s.id);
  const [mine, booked, waiting] = await Promise.all([
    liveBookingsOf(em, { kind: 'user', id: actor.userId }, ids),
    slotsEverBooked(em, ids),
    waitingBySlot(em, ids),
  ]);
  return slots.map((s) => {
    const capacity = s.pools.reduce((n, p) => n + p.capacity, 0);
    const held = s.pools.reduce((n, p) => n + p.held, 0);
    const my = mine.get(s.id) ?? null;
    return {
      id: s.id,
      centreId: s.venueId,
      kind: s.kind,
      title: s.title,
      day: s.day,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      cutoffAt: s.cutoffAt.toISOString(),
      opensAt: iso(s.opensAt),
      status: s.status,
      capacity,
      left: Math.max(0, capacity - held),
      quotaPerWeek: s.quotaPerWeek,
      waitlist: s.waitlist,
      waiting: waiting.get(s.id) ?? 0,
      asksWhereAndWhat: SLOT_KINDS_ASKING_WHERE_AND_WHAT.includes(s.kind),
      myReservationId: my?.id ?? null,
      myStatus: my?.status ?? null,
      editable: s.status === 'published' && !booked.has(s.id) && isCentreStaff(actor, s.venueId),
    };
  });
}

/**
 * Engine bookings for the caller: the code to the holder, whoever booked and staff; the holder's
 * name to staff only; `can` from the machine and the relation. Two queries however many.
 */
export async function presentReservations(em: EntityManager, rows: readonly SlotBookingView[], actor: Actor, now: Date): Promise<ReservationDTO[]> {
  const slots = await slotsByIds(
    em,
    rows.map((b) => b.slotId),
  );
  const staffView = rows.some((b) => isCentreStaff(actor, b.venueId));
  const names = staffView
    ? await usersById(
        em,
        rows.filter((b) => b.holderKind === 'user').map((b) => b.holderId),
      )
    : new Map();
  const groups = new Map(
    (await organisationsWhere(em, { ids: rows.filter((b) => b.holderKind === 'group').map((b) => b.holderId) })).map((o) => [o.id, o.name]),
  );
  return rows.map((b) => {
    const s = slots.get(b.slotId)!;
    const rel = relationToReservation(actor, b);
    const may = (action: Parameters<typeof SLOT_BOOKING_MACHINE.rule>[0]) =>
      SLOT_BOOKING_MACHINE.allows(action, b.status) && (SLOT_BOOKING_MACHINE.rule(action).who ?? []).some((k) => rel[k]);
    return {
      id: b.id,
      slotId: b.slotId,
      centreId: b.venueId,
      kind: s.kind,
      title: s.title,
      day: s.day,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      status: b.status,
      code: rel.holder || rel.booker || rel.staff ? b.code : null,
      place: b.place,
      purpose: b.purpose,
      offerExpiresAt: iso(b.offerExpiresAt),
      checkedInAt: iso(b.checkedInAt),
      checkedOutAt: iso(b.checkedOutAt),
      holderName:
        b.holderKind === 'group' ? (groups.get(b.holderId) ?? null) : rel.staff && b.holderKind === 'user' ? (names.get(b.holderId)?.name ?? null) : null,
      can: {
        cancel: may('cancel') && (rel.staff || now < s.cutoffAt),
        accept: may('accept') && !!b.offerExpiresAt && now < b.offerExpiresAt,
        checkIn: may('checkIn') && s.day === localDayOf(now),
        checkOut: may('checkOut'),
      },
    };
  });
}
