import { z } from 'zod';
import { cursor, id, isoDay, isoTime, limit, optionalText, personName } from './primitives';
import { SLOT_RULES, type EngineSlotKind } from './slots';

/**
 * Request schemas of the centre's non-meal programmes on the slot engine (rooms, consultations,
 * visits, meetings, activities), served by the `bookings` function. Same conventions as
 * ./schemas.ts (strict, zh-CN).
 */

/** The kinds a centre publishes for residents on the engine (meals stay with the meal programme). */
export const VENUE_KINDS = ['room', 'consult', 'visit', 'meeting', 'activity'] as const satisfies readonly EngineSlotKind[];
export type VenueKind = (typeof VENUE_KINDS)[number];

const requestId = z
  .string({ error: '缺少请求编号' })
  .min(8, '请求编号无效')
  .max(64, '请求编号无效')
  .regex(/^[A-Za-z0-9_-]+$/, '请求编号无效');

const reason = z
  .string({ error: '请说明原因' })
  .trim()
  .min(1, '请说明原因')
  .refine((s) => [...s].length <= SLOT_RULES.reasonMax, `原因不超过${SLOT_RULES.reasonMax}个字`);

/** A centre's slots for residents, a week from `from` (today when omitted). */
export const ZVenueSlotsRequest = z.object({ centreId: id, from: isoDay.optional(), kind: z.enum(VENUE_KINDS).optional() }).strict();
export type TVenueSlotsRequest = z.infer<typeof ZVenueSlotsRequest>;

/**
 * A verified resident books a slot for themselves (no elder registration), or a member of a
 * registered group (a 社会组织 or 服务队 they work for) books for the group (`groupId`).
 * `requestId` makes retries safe; full → CAPACITY_FULL unless `waitlist` and the slot takes one.
 * A visit needs `place` and `purpose`.
 */
export const ZReserveRequest = z
  .object({
    slotId: id,
    groupId: id.optional(),
    requestId,
    waitlist: z.boolean().optional(),
    place: optionalText(SLOT_RULES.placeMax, '上门地址'),
    purpose: optionalText(SLOT_RULES.purposeMax, '服务内容'),
  })
  .strict();
export type TReserveRequest = z.input<typeof ZReserveRequest>;

export const ZReservationRequest = z.object({ reservationId: id }).strict();
export type TReservationRequest = z.infer<typeof ZReservationRequest>;

export const ZMyReservationsRequest = z.object({ cursor, limit }).strict();
export type TMyReservationsRequest = z.infer<typeof ZMyReservationsRequest>;

/** Centre staff publish a slot with one capacity, and say whether a full slot takes a waitlist. */
export const ZPublishSlotRequest = z
  .object({
    centreId: id,
    kind: z.enum(VENUE_KINDS),
    title: z
      .string({ error: '请填写名称' })
      .trim()
      .min(1, '请填写名称')
      .refine((s) => [...s].length <= SLOT_RULES.titleMax, `名称不超过${SLOT_RULES.titleMax}个字`),
    startsAt: isoTime,
    endsAt: isoTime,
    cutoffAt: isoTime,
    opensAt: isoTime.optional(),
    capacity: z.number().int('名额须为整数').min(1, '名额至少为1').max(SLOT_RULES.capacityMax, `名额不超过${SLOT_RULES.capacityMax}`),
    /** At most this many bookings per person (or group) per week at this centre for this kind. */
    quotaPerWeek: z.number().int('须为整数').min(1, '至少为1').max(SLOT_RULES.quotaPerWeekMax, `每周限约不超过${SLOT_RULES.quotaPerWeekMax}次`).optional(),
    /** Once full, residents may queue (候补) for a freed seat; false: full is full. Default true. */
    waitlist: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Date.parse(v.startsAt) < Date.parse(v.endsAt), { message: '结束时间须晚于开始时间', path: ['endsAt'] })
  .refine((v) => Date.parse(v.cutoffAt) <= Date.parse(v.endsAt), { message: '截止时间不能晚于结束时间', path: ['cutoffAt'] });
export type TPublishSlotRequest = z.infer<typeof ZPublishSlotRequest>;

/** Edit a slot nobody has booked yet (any field left out stays). */
export const ZEditSlotRequest = z
  .object({
    slotId: id,
    title: z
      .string()
      .trim()
      .min(1, '请填写名称')
      .refine((s) => [...s].length <= SLOT_RULES.titleMax, `名称不超过${SLOT_RULES.titleMax}个字`)
      .optional(),
    startsAt: isoTime.optional(),
    endsAt: isoTime.optional(),
    cutoffAt: isoTime.optional(),
    capacity: z.number().int('名额须为整数').min(1, '名额至少为1').max(SLOT_RULES.capacityMax, `名额不超过${SLOT_RULES.capacityMax}`).optional(),
    waitlist: z.boolean().optional(),
  })
  .strict();
export type TEditSlotRequest = z.infer<typeof ZEditSlotRequest>;

export const ZWithdrawSlotRequest = z.object({ slotId: id, reason }).strict();
export type TWithdrawSlotRequest = z.infer<typeof ZWithdrawSlotRequest>;

/** Close a centre's day (a holiday): its slots are withdrawn with notice, nothing is published on it. */
export const ZCloseDayRequest = z.object({ centreId: id, day: isoDay, reason }).strict();
export type TCloseDayRequest = z.infer<typeof ZCloseDayRequest>;

/** The roster of a slot, optionally narrowed by the holder's name (check-in by name). */
export const ZRosterRequest = z.object({ slotId: id, name: personName.optional() }).strict();
export type TRosterRequest = z.infer<typeof ZRosterRequest>;

/** Check in by the code the holder shows at the centre, or by a booking picked from the roster. */
export const ZCheckInRequest = z.union([
  z.object({ centreId: id, code: z.string().trim().min(4, '请输入签到码').max(8, '签到码无效') }).strict(),
  z.object({ reservationId: id }).strict(),
]);
export type TCheckInRequest = z.infer<typeof ZCheckInRequest>;
