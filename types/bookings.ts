/**
 * Day-care and neighbourhood-centre bookings (日间照料中心 / 睦邻服务中心): meals (dine-in 堂食 and
 * delivery 送餐), rooms, consultations and service-team visits on one slot engine. The machine
 * lives in cloud/src/modules/bookings/booking-status.ts.
 */

/** What a slot offers. Meals have two capacities (dine-in, delivery); the others one. */
export const SlotKind = {
  meal: 'meal', // 助餐
  room: 'room', // 活动室 (棋牌娱乐)
  consult: 'consult', // 健康咨询
  visit: 'visit', // 服务队上门
} as const;
export type SlotKind = (typeof SlotKind)[keyof typeof SlotKind];
export const SLOT_KIND_LABEL: Record<SlotKind, string> = { meal: '助餐', room: '活动室', consult: '健康咨询', visit: '上门服务' };

export const Sitting = { lunch: 'lunch', dinner: 'dinner' } as const;
export type Sitting = (typeof Sitting)[keyof typeof Sitting];
export const SITTING_LABEL: Record<Sitting, string> = { lunch: '午餐', dinner: '晚餐' };

/** How a meal is taken. Non-meal slots are always `dine_in` (at the centre). */
export const MealMode = { dine_in: 'dine_in', delivery: 'delivery' } as const;
export type MealMode = (typeof MealMode)[keyof typeof MealMode];
export const MEAL_MODE_LABEL: Record<MealMode, string> = { dine_in: '堂食', delivery: '送餐' };

/**
 * A booking's life. `waitlisted` holds no seat; when one frees, the first in line is `offered` the
 * seat (held for them) until `offerExpiresAt`, and confirms it (`booked`) or lets it lapse
 * (`expired`). Seats are held by `booked`, `offered`, `redeemed` and `no_show`.
 */
export const BookingStatus = {
  booked: 'booked', // 已预订
  waitlisted: 'waitlisted', // 候补中
  offered: 'offered', // 候补到位，待确认
  redeemed: 'redeemed', // 已核销 / 已送达
  cancelled: 'cancelled', // 已取消
  no_show: 'no_show', // 未到
  expired: 'expired', // 候补失效
} as const;
export type BookingStatus = (typeof BookingStatus)[keyof typeof BookingStatus];
export const BOOKING_STATUS_LABEL: Record<BookingStatus, string> = {
  booked: '已预订',
  waitlisted: '候补中',
  offered: '候补到位，请确认',
  redeemed: '已用餐',
  cancelled: '已取消',
  no_show: '未到',
  expired: '候补已失效',
};
/** States that occupy a seat: the slot's counter always equals the bookings in these states. */
export const SEAT_HOLDING_STATUSES: BookingStatus[] = ['booked', 'offered', 'redeemed', 'no_show'];

/** Who placed a booking (代订 is recorded, like 代办 for needs). */
export const BookingChannel = {
  self: 'self', // the elder
  family: 'family', // a family member linked to the elder (may live elsewhere)
  staff: 'staff', // centre staff, for a walk-in or a phone call
  grid_worker: 'grid_worker', // a grid worker on a visit
  // The other proxies (代订) over the elder's home, by their office (short values: varchar(12)).
  community: 'community', // community staff
  unit_head: 'unit_head',
  bldg_head: 'bldg_head',
  cmpd_head: 'cmpd_head',
  standing: 'standing', // a standing order, booked by the timer when the menu is published
} as const;
export type BookingChannel = (typeof BookingChannel)[keyof typeof BookingChannel];
export const BOOKING_CHANNEL_LABEL: Record<BookingChannel, string> = {
  self: '本人预订',
  family: '家属代订',
  staff: '中心代订',
  grid_worker: '网格员代订',
  community: '社区代订',
  unit_head: '单元长代订',
  bldg_head: '楼栋长代订',
  cmpd_head: '小区长代订',
  standing: '长期预订',
};

/** A family member's link to an elder: applied for, then verified by the centre's staff. */
export const FamilyLinkStatus = { pending: 'pending', verified: 'verified', rejected: 'rejected' } as const;
export type FamilyLinkStatus = (typeof FamilyLinkStatus)[keyof typeof FamilyLinkStatus];
export const FAMILY_LINK_STATUS_LABEL: Record<FamilyLinkStatus, string> = { pending: '待中心核实', verified: '已关联', rejected: '未通过' };

/** A standing order ("every weekday lunch, delivered"): booked by the timer for each published sitting. */
export const StandingOrderStatus = { active: 'active', paused: 'paused', stopped: 'stopped' } as const;
export type StandingOrderStatus = (typeof StandingOrderStatus)[keyof typeof StandingOrderStatus];
export const STANDING_ORDER_STATUS_LABEL: Record<StandingOrderStatus, string> = { active: '进行中', paused: '已暂停', stopped: '已停止' };
/** Weekdays as ISO numbers, 1 = Monday … 7 = Sunday. */
export const WEEKDAY_LABEL: Record<number, string> = { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' };

/** How the elder paid their share at the counter (the subsidy part is settled with civil affairs). */
export const PaidBy = { cash: 'cash', wechat: 'wechat', none: 'none' } as const;
export type PaidBy = (typeof PaidBy)[keyof typeof PaidBy];
export const PAID_BY_LABEL: Record<PaidBy, string> = { cash: '现金', wechat: '微信', none: '无需支付' };

/** Dietary needs the kitchen cooks for (tags on dishes and on elders' profiles). */
export const DIET_TAGS = ['软烂', '低盐', '低糖', '清真', '素食'] as const;
export type DietTag = (typeof DIET_TAGS)[number];

/**
 * Meal subsidy tiers (助餐补贴): which verified status earns one is the product's (高龄, 独居,
 * 低保); how much each pays, what it is called and from which age 高龄 counts are the city's
 * (the `bookings` section of the city settings, edited by the city admin, with history). The one
 * tier of highest value applies (they do not stack), and the elder never pays below zero. Funded
 * by civil affairs; reported monthly per tier.
 */
export const SubsidyTier = { age80: 'age80', alone: 'alone', dibao: 'dibao', tekun: 'tekun' } as const;
/** The fixed tiers (`subsidy.<tier>` in the settings) — 高龄, 独居/空巢, 低保, 特困 (特困供养人员). */
export type FixedSubsidyTier = (typeof SubsidyTier)[keyof typeof SubsidyTier];
/**
 * A tier a booking carries: a fixed one, or an age band of the city's `ageBands` named by the age
 * it starts at (`age60`, `age70`, `age90` …; the band from 80 is `age80`, the same key as the
 * single 高龄 tier it replaces, so older bookings and reports keep reading alike).
 */
export type SubsidyTier = FixedSubsidyTier | `age${number}`;
/** The fixed tiers in the order the settings page lists them. */
export const SUBSIDY_TIERS: readonly FixedSubsidyTier[] = ['age80', 'alone', 'dibao', 'tekun'];

/** One tier as the city sets it: its name and its amount per meal in 分 (0 = the tier earns nothing). */
export interface SubsidyTierSetting {
  label: string;
  fen: number;
}

/** An age band of the subsidy (60–69, 70–79, 80–89, 90+ …): from `fromAge` up to the next band's start. */
export interface SubsidyAgeBand {
  fromAge: number;
  label: string;
  fen: number;
}

/** The `bookings` section of the city settings (城市配置); the zod schema is in bookings-schemas.ts. */
export interface BookingsSettings {
  /**
   * The fixed tiers: 高龄 (`age80`, used while `ageBands` is empty), 独居/空巢, 低保 and 特困 (categories).
   * 特困 came later: a section saved before it reads the default for it.
   */
  subsidy: Record<FixedSubsidyTier, SubsidyTierSetting>;
  /** The age from which the single 高龄 tier (`age80`) applies, while `ageBands` is empty. */
  subsidyAge: number;
  /**
   * Age bands, ascending by `fromAge` (e.g. 60 / 70 / 80 / 90): when any are set they replace the
   * single 高龄 tier, and an elder falls in the one band of the highest start she has reached.
   * Empty (the default, and every section saved before bands existed) = today's single tier.
   */
  ageBands: SubsidyAgeBand[];
  /** Subsidised meals per elder per day (across sittings and centres); later ones are at full price. */
  subsidisedMealsPerDay: number;
  /** How long a seat offered from the waitlist waits for the elder's confirmation (never past the cut-off). */
  offerMinutes: number;
}

/** Bounds the settings schema and the admin's form share. */
export const BOOKINGS_SETTINGS_LIMITS = {
  subsidyFenMax: 5_000,
  tierLabelMax: 12,
  subsidyAgeMin: 60,
  subsidyAgeMax: 100,
  ageBandsMax: 6,
  mealsPerDayMax: 3,
  offerMinutesMin: 15,
  offerMinutesMax: 720,
} as const;

/** What a city starts with (Langzhong's tiers), until its admin saves its own. */
export const BOOKINGS_SETTINGS_DEFAULTS: BookingsSettings = {
  subsidy: {
    age80: { label: '80岁以上', fen: 400 },
    alone: { label: '独居/空巢', fen: 300 },
    dibao: { label: '低保', fen: 600 },
    tekun: { label: '特困供养', fen: 800 },
  },
  subsidyAge: 80,
  ageBands: [],
  subsidisedMealsPerDay: 1,
  offerMinutes: 120,
};

/** The tier key of an age band. */
export const ageBandTier = (fromAge: number): SubsidyTier => `age${fromAge}`;

/**
 * Every tier the city's settings define, in report order (age tiers youngest first, then 独居,
 * 低保, 特困), with its name and amount: the bands when set, else the single 高龄 tier.
 */
export function subsidyTiersOf(settings: BookingsSettings): { tier: SubsidyTier; label: string; fen: number }[] {
  const ages = settings.ageBands.length
    ? [...settings.ageBands].sort((a, b) => a.fromAge - b.fromAge).map((b) => ({ tier: ageBandTier(b.fromAge), label: b.label, fen: b.fen }))
    : [{ tier: 'age80' as SubsidyTier, ...settings.subsidy.age80 }];
  return [...ages, { tier: 'alone', ...settings.subsidy.alone }, { tier: 'dibao', ...settings.subsidy.dibao }, { tier: 'tekun', ...settings.subsidy.tekun }];
}

/** The name and amount of a tier as the settings define it now; a band since removed reads 「N岁以上」 with 0. */
export function subsidyTierOf(settings: BookingsSettings, tier: SubsidyTier): SubsidyTierSetting {
  const found = subsidyTiersOf(settings).find((t) => t.tier === tier);
  if (found) return { label: found.label, fen: found.fen };
  if (tier in settings.subsidy) return settings.subsidy[tier as FixedSubsidyTier];
  return { label: `${tier.replace(/^age/, '')}岁以上`, fen: 0 };
}

/** An elder's declared status (age, 独居, 低保, 特困): pending until centre staff verify it. */
export const ElderVerification = { pending: 'pending', verified: 'verified' } as const;
export type ElderVerification = (typeof ElderVerification)[keyof typeof ElderVerification];
export const ELDER_VERIFICATION_LABEL: Record<ElderVerification, string> = { pending: '待中心核实', verified: '已核实' };

export const BOOKING_RULES = {
  /** Elders (60+) are served; registration checks the birth year. */
  minAge: 60,
  /** How far ahead a slot may be created. */
  slotDaysAhead: 60,
  capacityMax: 2000,
  priceFenMax: 100_000,
  dishesMax: 12,
  dishNameMax: 20,
  titleMax: 30,
  allergiesMax: 100,
  /** A booking's short code for the counter: unambiguous characters only (no 0/O, 1/I/L). */
  codeAlphabet: '23456789ABCDEFGHJKMNPQRSTUVWXYZ',
  codeLength: 6,
  /** Highest weekly quota a slot may set (bookings per elder per week). */
  quotaPerWeekMax: 14,
  /** Idempotency key sent by the client with every booking request. */
  requestIdMax: 64,
  /** A booking's 备注 (少盐, 饭要软, 送餐请敲门): characters; a voice note (≤ 60 s) may stand with or for it. */
  remarkMax: 50,
  /**
   * 家属关联 tries that matched no elder (wrong name or phone tail), per applicant and per named
   * elder at a centre, in the last `linkMissWindowHours`: past either, every try is RATE_LIMITED —
   * the right tail too — so a 4-digit tail cannot be guessed (10,000 candidates).
   */
  linkMissesPerApplicant: 5,
  linkMissesPerElder: 10,
  linkMissWindowHours: 24,
} as const;

/** Price of a booking in 分 with the subsidy applied: shown before booking, stored with it. */
export interface Price {
  priceFen: number;
  subsidyFen: number;
  payFen: number;
  tier: SubsidyTier | null;
}

/**
 * The subsidy tier of highest value the elder qualifies for under the city's `settings`, and what
 * they pay. Only a status the centre verified counts (`verified`): a self-declared age, 独居, 低保 or 特困
 * earns nothing until then. A tier set to 0 分 earns nothing; on equal amounts the earlier tier of
 * SUBSIDY_TIERS is named.
 */
export function priceFor(
  priceFen: number,
  elder: { birthYear: number; livesAlone: boolean; dibao: boolean; tekun: boolean; verified: boolean },
  year: number,
  settings: BookingsSettings,
): Price {
  if (!elder.verified) return { priceFen, subsidyFen: 0, payFen: priceFen, tier: null };
  const age = year - elder.birthYear;
  const tiers: { tier: SubsidyTier; fen: number }[] = [];
  if (settings.ageBands.length) {
    const band = settings.ageBands.filter((b) => age >= b.fromAge).sort((a, b) => b.fromAge - a.fromAge)[0];
    if (band) tiers.push({ tier: ageBandTier(band.fromAge), fen: band.fen });
  } else if (age >= settings.subsidyAge) tiers.push({ tier: 'age80', fen: settings.subsidy.age80.fen });
  if (elder.livesAlone) tiers.push({ tier: 'alone', fen: settings.subsidy.alone.fen });
  if (elder.dibao) tiers.push({ tier: 'dibao', fen: settings.subsidy.dibao.fen });
  if (elder.tekun) tiers.push({ tier: 'tekun', fen: settings.subsidy.tekun.fen });
  // Stable sort: on equal amounts the age tier, then 独居, then 低保, then 特困 is named.
  const best = tiers.filter((t) => t.fen > 0).sort((a, b) => b.fen - a.fen)[0] ?? null;
  const subsidyFen = best ? Math.min(best.fen, priceFen) : 0;
  return { priceFen, subsidyFen, payFen: priceFen - subsidyFen, tier: best?.tier ?? null };
}

/** What the quote says of a meal past the day's subsidised meals. */
export const SUBSIDY_USED_TODAY = '今日补贴已用，本餐按原价';

/** The same price with no subsidy: a meal past the elder's daily subsidised meals (`subsidisedMealsPerDay`). */
export const fullPrice = (priceFen: number): Price => ({ priceFen, subsidyFen: 0, payFen: priceFen, tier: null });

/** 1250 → "12.50元". */
export const yuan = (fen: number) => `${(fen / 100).toFixed(2)}元`;
