import type { EngineSlotKind, HolderKind, SlotBookingStatus, SlotStatus } from '@hg/types';

/** A slot as the engine's callers read it, with its pools (entities never leave the module). */
export interface SlotView {
  id: number;
  kind: EngineSlotKind;
  venueId: number;
  day: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  cutoffAt: Date;
  opensAt: Date | null;
  status: SlotStatus;
  quotaPerWeek: number | null;
  /** A full slot takes a waitlist; false: full is full. */
  waitlist: boolean;
  createdById: number;
  createdAt: Date;
  updatedAt: Date;
  pools: { pool: string; capacity: number; held: number }[];
}

/** An engine booking as its callers read it. */
export interface SlotBookingView {
  id: number;
  slotId: number;
  venueId: number;
  pool: string;
  holderKind: HolderKind;
  holderId: number;
  status: SlotBookingStatus;
  code: string;
  requestId: string;
  bookedById: number;
  place: string | null;
  purpose: string | null;
  waitlistedAt: Date | null;
  offerExpiresAt: Date | null;
  checkedInAt: Date | null;
  checkedInById: number | null;
  checkedOutAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Who a booking is for. */
export interface Holder {
  kind: HolderKind;
  id: number;
}

/**
 * Who hears about a booking beyond the person who made it and a resident holder: a programme
 * whose holders are not users (an elder with an account, a group's contact) names them here.
 */
export type ExtraRecipients = (booking: SlotBookingView) => Promise<readonly (number | null | undefined)[]>;
