import type { EngineSlotKind, SlotBookingStatus, SlotStatus } from './slots';

/** A non-meal slot of a centre as residents and staff see it. */
export interface VenueSlotDTO {
  id: number;
  centreId: number;
  kind: EngineSlotKind;
  title: string;
  day: string;
  startsAt: string;
  endsAt: string;
  cutoffAt: string;
  opensAt: string | null;
  status: SlotStatus;
  capacity: number;
  left: number;
  /** Bookings per person (or group) per week at this centre for this kind; null = no limit. */
  quotaPerWeek: number | null;
  /** A full slot takes a waitlist (候补); false: full is full, nobody can queue. */
  waitlist: boolean;
  /** How many wait in line (候补) for a seat now: a count, no names. */
  waiting: number;
  /** A booking asks where and what (a visit). */
  asksWhereAndWhat: boolean;
  /** The caller's live booking of this slot, if any. */
  myReservationId: number | null;
  myStatus: SlotBookingStatus | null;
  /** Staff may still edit it: nobody has booked it yet (staff only; false for others). */
  editable: boolean;
}

/** A booking on the engine: a resident's room, consultation or visit. */
export interface ReservationDTO {
  id: number;
  slotId: number;
  centreId: number;
  kind: EngineSlotKind;
  title: string;
  day: string;
  startsAt: string;
  endsAt: string;
  status: SlotBookingStatus;
  /** Shown to the holder and staff only. */
  code: string | null;
  place: string | null;
  purpose: string | null;
  offerExpiresAt: string | null;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  /** The holder's name: a resident's for staff (roster) only, a group's for anyone who sees the booking. */
  holderName: string | null;
  can: { cancel: boolean; accept: boolean; checkIn: boolean; checkOut: boolean };
}

/** A registered group (社会组织, 服务队) the caller may book a room or an activity for. */
export interface VenueGroupDTO {
  id: number;
  name: string;
}

export interface CloseDayDTO {
  day: string;
  slots: number;
  bookings: number;
}
