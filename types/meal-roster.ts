/**
 * The meal counter's roster and the delivery round's outcomes: today's sittings with every booking
 * (check-in by name for elders who cannot show a code) and what the round reports at a door.
 */
import type { BookingChannel, BookingStatus, MealMode, PaidBy } from './bookings';
import type { BookingRemarkDTO } from './bookings.dto';

/** Why a delivered meal did not reach the elder (「不在家 / 拒收」): the round says which at the door. */
export const DeliveryMiss = { not_home: 'not_home', refused: 'refused' } as const;
export type DeliveryMiss = (typeof DeliveryMiss)[keyof typeof DeliveryMiss];
export const DELIVERY_MISS_LABEL: Record<DeliveryMiss, string> = { not_home: '不在家', refused: '拒收' };

/** One booking on the counter's roster (centre staff only: the whole list is theirs). */
export interface MealRosterEntryDTO {
  bookingId: number;
  elderId: number;
  name: string;
  /** The elder's phone masked (100****1234), '' when the elder has none. */
  phoneMasked: string;
  /** The elder has no account: booked by phone or in person, so nobody can show a code on a phone. */
  noAccount: boolean;
  mode: MealMode;
  modeLabel: string;
  /** The counter code, printed on the sign-in sheet beside the name. */
  code: string;
  status: BookingStatus;
  statusLabel: string;
  channel: BookingChannel;
  channelLabel: string;
  /** What the elder pays at the counter, in fen (0: nothing due). */
  payFen: number;
  paidBy: PaidBy | null;
  redeemedAt: string | null;
  /** The booking's 备注 (text and/or voice) for the counter. */
  remark: BookingRemarkDTO | null;
}

/** A centre's meal sittings of one day, each with its roster sorted by name. */
export interface MealRosterDTO {
  centre: { id: number; name: string };
  day: string;
  sittings: {
    slot: { id: number; title: string; startsAt: string; endsAt: string };
    /** Seat holders on the roster (before any name filter). */
    total: number;
    /** Of them redeemed (eaten or delivered). */
    redeemed: number;
    people: MealRosterEntryDTO[];
  }[];
}
