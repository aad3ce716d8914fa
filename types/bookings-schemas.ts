import { z } from 'zod';
import {
  BOOKING_RULES,
  BOOKINGS_SETTINGS_DEFAULTS,
  BOOKINGS_SETTINGS_LIMITS,
  DIET_TAGS,
  MealMode,
  PaidBy,
  Sitting,
  SlotKind,
  BookingStatus,
  type BookingsSettings,
} from './bookings';
import { ALLERGEN_RULES, readAllergens } from './allergens';
import { LIMITS } from './limits';
import { ZVoiceNote } from './needs-schemas';
import { defineSettings } from './settings';
import { cursor, enumOf, id, isoDay, isoTime, limit, optionalText, personName, phone, text } from './primitives';

/** Request schemas of the `bookings` function. Same conventions as ./schemas.ts (strict, zh-CN). */

const dietTags = z.array(z.enum(DIET_TAGS)).max(DIET_TAGS.length);
const requestId = z
  .string({ error: '缺少请求编号' })
  .min(8, '请求编号无效')
  .max(BOOKING_RULES.requestIdMax, '请求编号无效')
  .regex(/^[A-Za-z0-9_-]+$/, '请求编号无效');

/** Centres serving the caller's homes (or one compound, for the compound home). */
export const ZCentresRequest = z
  .object({
    compoundId: id.optional(),
    /** Every centre of the city (a family member in another city looks for their parent's centre). */
    all: z.boolean().optional(),
  })
  .strict();
export type TCentresRequest = z.infer<typeof ZCentresRequest>;

/** A centre's slots for 7 days from `from` (default today), with dishes and seats left. */
export const ZWeekRequest = z.object({ centreId: id, from: isoDay.optional(), kind: enumOf(SlotKind).optional(), elderId: id.optional() }).strict();
export type TWeekRequest = z.infer<typeof ZWeekRequest>;

/** Price, subsidy and diet warnings for one elder at one slot, before booking. */
export const ZQuoteRequest = z.object({ slotId: id, elderId: id }).strict();
export type TQuoteRequest = z.infer<typeof ZQuoteRequest>;

/**
 * Book a seat. `requestId` makes retries safe: the same id from the same person answers the first
 * result. When the slot is full the answer is CAPACITY_FULL unless `waitlist` is true.
 */
export const ZBookRequest = z
  .object({ slotId: id, elderId: id, mode: enumOf(MealMode).default('dine_in'), requestId, waitlist: z.boolean().optional() })
  .strict();
export type TBookRequest = z.input<typeof ZBookRequest>;

export const ZBookingRequest = z.object({ bookingId: id, paidBy: enumOf(PaidBy).optional() }).strict();

/**
 * 备注: the elder, family linked to her, whoever booked or centre staff set a live meal booking's
 * remark before the cut-off — a short text and/or a voice note; the request is the whole remark
 * (both left out clears it).
 */
export const ZRemarkBookingRequest = z
  .object({ bookingId: id, remark: optionalText(BOOKING_RULES.remarkMax, '备注'), voiceNote: ZVoiceNote.optional() })
  .strict();
export type TRemarkBookingRequest = z.input<typeof ZRemarkBookingRequest>;
export type TBookingRequest = z.infer<typeof ZBookingRequest>;

/** The counter: the 6-character code the elder shows (QR or spoken). */
export const ZRedeemRequest = z
  .object({
    centreId: id,
    code: z
      .string({ error: '请输入核销码' })
      .trim()
      .toUpperCase()
      .length(BOOKING_RULES.codeLength, `核销码为${BOOKING_RULES.codeLength}位`)
      .regex(/^[0-9A-Z]+$/, '核销码只含数字和字母'),
    /** How the elder paid their share (cash or WeChat at the counter); left out when nothing is due. */
    paidBy: enumOf(PaidBy).optional(),
  })
  .strict();
export type TRedeemRequest = z.input<typeof ZRedeemRequest>;

/** My bookings (as the elder or as whoever placed them), newest slot first. */
export const ZMyBookingsRequest = z.object({ status: enumOf(BookingStatus).optional(), cursor, limit }).strict();
export type TMyBookingsRequest = z.infer<typeof ZMyBookingsRequest>;

/** A landline as written on a form: area code (0 + 2–3 digits) and 7–8 digits, the dash optional. */
export const landline = z
  .string({ error: '请填写座机号码' })
  .trim()
  .regex(/^0\d{2,3}-?\d{7,8}$/, '座机号码格式：区号-号码，如 0817-6222333')
  // Without the dash, the area code is read as the country numbers them: 010 and 02x have three digits, the rest four.
  .transform((v) => {
    if (v.includes('-')) return v;
    const area = /^0(10|2\d)/.test(v) ? 3 : 4;
    return `${v.slice(0, area)}-${v.slice(area)}`;
  });

/** Register an elder with a centre (建档): the elder themselves, or centre staff for a walk-in. */
export const ZRegisterElderRequest = z
  .object({
    centreId: id,
    /** Staff registering someone else: who. The elder registering themselves leaves these out. */
    name: personName.optional(),
    phone: phone.optional(),
    /** An elder without a mobile: a landline and/or a guardian to call (staff registering a walk-in). */
    landline: landline.optional(),
    guardianName: personName.optional(),
    guardianPhone: phone.optional(),
    householdId: id.optional(),
    address: optionalText(60, '住址'),
    birthYear: z.number({ error: '请填写出生年份' }).int('请填写出生年份').min(1900, '出生年份无效').max(2100, '出生年份无效'),
    livesAlone: z.boolean().default(false),
    dibao: z.boolean().default(false),
    /** 特困供养人员 (declared like 低保; earns its tier once the centre verified it). */
    tekun: z.boolean().default(false),
    diets: dietTags.default([]),
    allergies: optionalText(BOOKING_RULES.allergiesMax, '过敏'),
  })
  .strict()
  .refine((v) => !v.guardianPhone || !!v.guardianName, { message: '请填写监护人姓名', path: ['guardianName'] })
  .refine((v) => !v.guardianName || !!v.guardianPhone, { message: '请填写监护人电话', path: ['guardianPhone'] });
export type TRegisterElderRequest = z.input<typeof ZRegisterElderRequest>;

/**
 * Centre staff verify an elder's declared age, 独居, 低保 and 特困 against documents; a field given
 * corrects the declaration (what the documents say), one left out confirms it.
 */
export const ZVerifyElderRequest = z
  .object({
    elderId: id,
    birthYear: z.number({ error: '请填写出生年份' }).int('请填写出生年份').min(1900, '出生年份无效').max(2100, '出生年份无效').optional(),
    livesAlone: z.boolean().optional(),
    dibao: z.boolean().optional(),
    tekun: z.boolean().optional(),
  })
  .strict();
export type TVerifyElderRequest = z.infer<typeof ZVerifyElderRequest>;

/** Centre staff: the elders registered with the centre, searchable by name or phone tail. */
export const ZEldersRequest = z
  .object({
    centreId: id,
    q: z.string().trim().max(LIMITS.nameMax).optional(),
    /** Only elders whose declared status awaits verification (核实). */
    pending: z.boolean().optional(),
    cursor,
    limit,
  })
  .strict();
export type TEldersRequest = z.infer<typeof ZEldersRequest>;

/**
 * A dish's allergens: the common ones (COMMON_ALLERGENS) and free words, read into one vocabulary
 * (「花生米」 → 花生). A text such as 「鸡蛋、大豆」 is accepted too (older clients and menus).
 */
const allergenWord = z.string().trim().min(1, '过敏原不能为空').max(ALLERGEN_RULES.wordMax, `每个过敏原不超过${ALLERGEN_RULES.wordMax}个字`);
const dishAllergens = z
  .union([z.array(allergenWord), z.string().max(ALLERGEN_RULES.perDishMax * (ALLERGEN_RULES.wordMax + 1), '过敏原过长')])
  .transform((v) => readAllergens(v))
  .pipe(z.array(z.string()).max(ALLERGEN_RULES.perDishMax, `每道菜最多${ALLERGEN_RULES.perDishMax}个过敏原`));
const dish = z.object({ name: text(BOOKING_RULES.dishNameMax, '菜名'), tags: dietTags.default([]), allergens: dishAllergens.default([]) }).strict();

/** Centre staff: create a slot (a meal sitting with its menu, or a room / consultation / visit slot). */
export const ZSaveSlotRequest = z
  .object({
    centreId: id,
    kind: enumOf(SlotKind),
    day: isoDay,
    sitting: enumOf(Sitting).optional(),
    title: optionalText(BOOKING_RULES.titleMax, '名称'),
    startsAt: isoTime,
    endsAt: isoTime,
    cutoffAt: isoTime,
    capacityDineIn: z.number().int().min(0).max(BOOKING_RULES.capacityMax),
    capacityDelivery: z.number().int().min(0).max(BOOKING_RULES.capacityMax).default(0),
    /** Booking opens at (how far ahead one may book); default: at once. */
    opensAt: isoTime.optional(),
    /** Live bookings per elder per week for this centre's slots of this kind (e.g. 1 consultation a week). */
    quotaPerWeek: z.number().int().min(1).max(BOOKING_RULES.quotaPerWeekMax).optional(),
    priceFen: z.number().int().min(0).max(BOOKING_RULES.priceFenMax).default(0),
    dishes: z.array(dish).max(BOOKING_RULES.dishesMax).default([]),
  })
  .strict()
  .refine((v) => Date.parse(v.startsAt) < Date.parse(v.endsAt), { message: '结束时间须晚于开始时间', path: ['endsAt'] })
  .refine((v) => Date.parse(v.cutoffAt) <= Date.parse(v.startsAt), { message: '截止时间须早于开始时间', path: ['cutoffAt'] })
  .refine((v) => !v.opensAt || Date.parse(v.opensAt) < Date.parse(v.cutoffAt), { message: '开放预订时间须早于截止时间', path: ['opensAt'] })
  .refine((v) => v.kind !== 'meal' || !!v.sitting, { message: '请选择午餐或晚餐', path: ['sitting'] })
  .refine((v) => v.kind === 'meal' || v.capacityDelivery === 0, { message: '只有助餐可以送餐', path: ['capacityDelivery'] })
  .refine((v) => v.capacityDineIn + v.capacityDelivery > 0, { message: '请填写名额', path: ['capacityDineIn'] });
export type TSaveSlotRequest = z.input<typeof ZSaveSlotRequest>;

/** Centre staff: who is coming to one slot, and the kitchen's counts. */
export const ZSlotRequest = z.object({ slotId: id }).strict();
export type TSlotRequest = z.infer<typeof ZSlotRequest>;

/** A family member asks to be linked to an elder (by the elder's name and the last 4 digits of the elder's phone, at a centre). */
export const ZLinkFamilyRequest = z
  .object({
    centreId: id,
    elderName: personName,
    phoneTail: z.string().regex(/^\d{4}$/, '请填写老人手机号后4位'),
    relationNote: optionalText(10, '关系'),
  })
  .strict();
export type TLinkFamilyRequest = z.input<typeof ZLinkFamilyRequest>;

/**
 * Centre staff make a family link themselves (for an elder without a phone, the centre knows the
 * family): the member named by the phone of their account; the link is verified at once, by them.
 */
export const ZStaffLinkFamilyRequest = z.object({ elderId: id, memberPhone: phone, relationNote: optionalText(10, '关系') }).strict();
export type TStaffLinkFamilyRequest = z.input<typeof ZStaffLinkFamilyRequest>;

/** Grid workers, heads and community staff: the elders whose home is in their scope (代订), by name prefix. */
export const ZProxyEldersRequest = z.object({ q: z.string().trim().max(LIMITS.nameMax).optional() }).strict();
export type TProxyEldersRequest = z.infer<typeof ZProxyEldersRequest>;

/** Centre staff decide a family link. */
export const ZDecideLinkRequest = z.object({ linkId: id, approve: z.boolean() }).strict();
export type TDecideLinkRequest = z.infer<typeof ZDecideLinkRequest>;

/** Centre staff: the links waiting for a decision. */
export const ZLinkQueueRequest = z.object({ centreId: id }).strict();
export type TLinkQueueRequest = z.infer<typeof ZLinkQueueRequest>;

/** A standing order: which sittings on which weekdays, how the meal is taken. */
export const ZStandingOrderRequest = z
  .object({
    elderId: id,
    sitting: enumOf(Sitting),
    weekdays: z.array(z.number().int().min(1).max(7)).min(1, '请至少选择一天').max(7),
    mode: enumOf(MealMode).default('dine_in'),
  })
  .strict();
export type TStandingOrderRequest = z.input<typeof ZStandingOrderRequest>;

export const ZStandingOrderStepRequest = z.object({ orderId: id, step: z.enum(['pause', 'resume', 'stop']) }).strict();
export type TStandingOrderStepRequest = z.infer<typeof ZStandingOrderStepRequest>;

/** Centre staff: the delivery round of one sitting, grouped by compound and building. */
export const ZDeliveryListRequest = z.object({ slotId: id }).strict();
export type TDeliveryListRequest = z.infer<typeof ZDeliveryListRequest>;

/** Civil affairs: a month's meal subsidies of a centre, per tier. */
const reportMonth = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, '月份格式为 2026-11');
/** Without `centreId`: every centre in a community / street staff member's scope, rolled up. */
export const ZSubsidyReportRequest = z.object({ centreId: id.optional(), month: reportMonth }).strict();
export type TSubsidyReportRequest = z.infer<typeof ZSubsidyReportRequest>;
/** The same report as a spreadsheet, one row per elder and a 合计 row. */
export const ZSubsidyExportRequest = z.object({ centreId: id.optional(), month: reportMonth, format: z.enum(['xlsx', 'csv']).default('xlsx') }).strict();
export type TSubsidyExportRequest = z.input<typeof ZSubsidyExportRequest>;

/** 和上周一样: book this week's sittings the elder had last week (same weekday, sitting and mode). */
export const ZRepeatWeekRequest = z.object({ elderId: id }).strict();
export type TRepeatWeekRequest = z.infer<typeof ZRepeatWeekRequest>;

const L = BOOKINGS_SETTINGS_LIMITS;
const subsidyTier = z
  .object({
    label: text(L.tierLabelMax, '名称'),
    fen: z
      .number({ error: '请填写金额' })
      .int('金额最小到分')
      .min(0, '金额不能为负')
      .max(L.subsidyFenMax, `每餐补贴不超过${L.subsidyFenMax / 100}元`),
  })
  .strict();

/** The `bookings` section of the city settings: the meal subsidy tiers and the 高龄 age. */
export const ZBookingsSettings = z
  .object({
    // 特困 came later: a section saved before has no such tier and reads the default.
    subsidy: z
      .object({ age80: subsidyTier, alone: subsidyTier, dibao: subsidyTier, tekun: subsidyTier.default(BOOKINGS_SETTINGS_DEFAULTS.subsidy.tekun) })
      .strict(),
    subsidyAge: z
      .number({ error: '请填写年龄' })
      .int('年龄须为整数')
      .min(L.subsidyAgeMin, `高龄补贴起始年龄不低于${L.subsidyAgeMin}岁`)
      .max(L.subsidyAgeMax, `高龄补贴起始年龄不高于${L.subsidyAgeMax}岁`),
    // Added later: a section saved before has none of these and reads them from the defaults
    // (no bands = the single 高龄 tier, one subsidised meal a day, a 2-hour offer), i.e. as before.
    ageBands: z
      .array(
        z
          .object({
            fromAge: z
              .number({ error: '请填写起始年龄' })
              .int('年龄须为整数')
              .min(L.subsidyAgeMin, `年龄段起始年龄不低于${L.subsidyAgeMin}岁`)
              .max(L.subsidyAgeMax, `年龄段起始年龄不高于${L.subsidyAgeMax}岁`),
            label: subsidyTier.shape.label,
            fen: subsidyTier.shape.fen,
          })
          .strict(),
      )
      .max(L.ageBandsMax, `年龄段最多${L.ageBandsMax}个`)
      .refine((bands) => new Set(bands.map((b) => b.fromAge)).size === bands.length, '年龄段的起始年龄不能重复')
      .default(BOOKINGS_SETTINGS_DEFAULTS.ageBands),
    subsidisedMealsPerDay: z
      .number({ error: '请填写每日补贴餐数' })
      .int('餐数须为整数')
      .min(1, '每日至少补贴1餐')
      .max(L.mealsPerDayMax, `每日补贴不超过${L.mealsPerDayMax}餐`)
      .default(BOOKINGS_SETTINGS_DEFAULTS.subsidisedMealsPerDay),
    offerMinutes: z
      .number({ error: '请填写候补确认时限' })
      .int('分钟须为整数')
      .min(L.offerMinutesMin, `候补确认时限不少于${L.offerMinutesMin}分钟`)
      .max(L.offerMinutesMax, `候补确认时限不超过${L.offerMinutesMax / 60}小时`)
      .default(BOOKINGS_SETTINGS_DEFAULTS.offerMinutes),
  })
  .strict() satisfies z.ZodType<BookingsSettings, unknown>;

/** 助餐补贴 as a city settings section (listed by the bookings module, edited on 城市配置). */
export const BOOKINGS_SETTINGS = defineSettings({ key: 'bookings', label: '助餐补贴', schema: ZBookingsSettings, defaults: BOOKINGS_SETTINGS_DEFAULTS });

/**
 * 复制上周菜单: for every meal sitting of the 7 days before `from` at the centre, the same sitting
 * seven days later. `from` is the first day of the week to fill (the console's week, usually a
 * Monday). `dryRun` answers what would be created and skipped without writing (the confirm).
 */
export const ZCopyWeekRequest = z.object({ centreId: id, from: isoDay, dryRun: z.boolean().optional() }).strict();
export type TCopyWeekRequest = z.infer<typeof ZCopyWeekRequest>;

/** Centre staff: change a published meal sitting's menu (a dish swapped) until its cut-off. */
export const ZEditMenuRequest = z.object({ slotId: id, dishes: z.array(dish).min(1, '请至少填写一道菜').max(BOOKING_RULES.dishesMax) }).strict();
export type TEditMenuRequest = z.input<typeof ZEditMenuRequest>;

/** A centre's closed days (休息日) among the 7 days from `from` (default today). */
export const ZClosedDaysRequest = z.object({ centreId: id, from: isoDay.optional() }).strict();
export type TClosedDaysRequest = z.infer<typeof ZClosedDaysRequest>;

/** 撤销休息日: centre staff open a closed day again (today or later). */
export const ZReopenDayRequest = z.object({ centreId: id, day: isoDay }).strict();
export type TReopenDayRequest = z.infer<typeof ZReopenDayRequest>;

/** Centre staff, before closing a day: what closing it would withdraw and whom it would tell. */
export const ZClosePreviewRequest = z.object({ centreId: id, day: isoDay }).strict();
export type TClosePreviewRequest = z.infer<typeof ZClosePreviewRequest>;
