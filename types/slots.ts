/**
 * The slot engine (cloud/src/modules/slots): slots of a kind with seat pools, bookings by a holder,
 * waitlist with offers, a slot's lifecycle and attendance. The engine knows nothing of meals; the
 * programmes (the meal programme, rooms and consultations for residents) sit on top of it.
 */

/** What a slot offers. `meeting` and `activity` are the next programmes to use the engine. */
export const EngineSlotKind = {
  meal: 'meal', // 助餐
  room: 'room', // 活动室
  consult: 'consult', // 健康咨询
  visit: 'visit', // 上门服务
  meeting: 'meeting', // 议事会议
  activity: 'activity', // 党群活动
} as const;
export type EngineSlotKind = (typeof EngineSlotKind)[keyof typeof EngineSlotKind];
export const ENGINE_SLOT_KIND_LABEL: Record<EngineSlotKind, string> = {
  meal: '助餐',
  room: '活动室',
  consult: '健康咨询',
  visit: '上门服务',
  meeting: '议事会议',
  activity: '党群活动',
};

/** Kinds whose booking must say where (an address) and what (the matter): a visit goes to the person. */
export const SLOT_KINDS_ASKING_WHERE_AND_WHAT: readonly EngineSlotKind[] = ['visit'];

/** A slot is published (bookable until its cut-off) or withdrawn (everyone booked is told). */
export const SlotStatus = { published: 'published', withdrawn: 'withdrawn' } as const;
export type SlotStatus = (typeof SlotStatus)[keyof typeof SlotStatus];
export const SLOT_STATUS_LABEL: Record<SlotStatus, string> = { published: '开放预约', withdrawn: '已撤回' };

/** Who a booking is for: an elder of a centre, a verified resident, or a registered group. */
export const HolderKind = { elder: 'elder', user: 'user', group: 'group' } as const;
export type HolderKind = (typeof HolderKind)[keyof typeof HolderKind];

/**
 * A booking's life on the engine. `waitlisted` holds no seat; a freed seat is `offered` to the
 * first in line (held for them) until `offerExpiresAt`; `checked_in` and `checked_out` record
 * attendance with times; `withdrawn` ends bookings of a slot the organiser withdrew.
 */
export const SlotBookingStatus = {
  booked: 'booked',
  waitlisted: 'waitlisted',
  offered: 'offered',
  checked_in: 'checked_in',
  checked_out: 'checked_out',
  cancelled: 'cancelled',
  expired: 'expired',
  no_show: 'no_show',
  withdrawn: 'withdrawn',
} as const;
export type SlotBookingStatus = (typeof SlotBookingStatus)[keyof typeof SlotBookingStatus];
export const SLOT_BOOKING_STATUS_LABEL: Record<SlotBookingStatus, string> = {
  booked: '已预约',
  waitlisted: '候补中',
  offered: '候补到位，请确认',
  checked_in: '已签到',
  checked_out: '已签退',
  cancelled: '已取消',
  expired: '候补失效',
  no_show: '未到',
  withdrawn: '活动已撤回',
};

/** States that keep a seat of the pool held. */
export const SEAT_HOLDING: readonly SlotBookingStatus[] = ['booked', 'offered', 'checked_in', 'checked_out', 'no_show'];
/** States still live: the holder may not book the same slot again while one is. */
export const LIVE_SLOT_BOOKING: readonly SlotBookingStatus[] = ['booked', 'offered', 'waitlisted', 'checked_in'];

export const SLOT_RULES = {
  /** How long an offered seat waits for its acceptance (never past the cut-off). */
  offerMinutes: 30,
  /** After a slot's end, a booked seat nobody checked into becomes a no-show this much later. */
  noShowGraceMinutes: 60,
  /** A booking's short code for check-in: unambiguous characters only (no 0/O, 1/I/L). */
  codeAlphabet: '23456789ABCDEFGHJKMNPQRSTUVWXYZ',
  codeLength: 6,
  capacityMax: 2000,
  poolsMax: 4,
  titleMax: 30,
  placeMax: 100,
  purposeMax: 200,
  reasonMax: 60,
  /** Highest weekly quota a slot may set (bookings per holder per week). */
  quotaPerWeekMax: 14,
  /** The default pool of a slot with one capacity. */
  seatPool: 'seat',
} as const;
