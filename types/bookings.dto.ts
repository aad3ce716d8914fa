import type {
  BookingChannel,
  PaidBy,
  BookingStatus,
  DietTag,
  ElderVerification,
  FamilyLinkStatus,
  MealMode,
  Sitting,
  SlotKind,
  StandingOrderStatus,
  SubsidyTier,
} from './bookings';
import type { VoiceNoteDTO } from './dto';

/** A day-care / neighbourhood centre (an organisation of kind day_care_centre). */
export interface CentreDTO {
  id: number;
  name: string;
  hotline: string | null;
  community: { id: number; name: string };
}

export interface DishDTO {
  name: string;
  tags: DietTag[];
  /** In the shared vocabulary (allergens.ts): common ones by their list name, others as written. */
  allergens: string[];
}

/** A slot with what is left of it (and, when asked for an elder, their booking there). */
export interface SlotDTO {
  id: number;
  centreId: number;
  kind: SlotKind;
  kindLabel: string;
  day: string;
  sitting: Sitting | null;
  title: string;
  startsAt: string;
  endsAt: string;
  cutoffAt: string;
  /** False once the cut-off passed: no booking, no cancelling. */
  open: boolean;
  priceFen: number;
  dishes: DishDTO[];
  seats: { dineIn: { capacity: number; left: number }; delivery: { capacity: number; left: number } };
  /** When booking opens (null: open since published); before it, `open` is false too. */
  opensAt: string | null;
  /** Live bookings allowed per elder per week for this kind at this centre (null: no limit). */
  quotaPerWeek: number | null;
  waitlisted: number;
  /** The elder's live booking here, when the request named an elder. */
  myBooking: BookingDTO | null;
  /**
   * With an elder named, to those who book for them: the dishes holding one of the elder's
   * allergies (「花生酥」含花生). Empty otherwise.
   */
  allergyWarnings: string[];
}

/**
 * A price as the caller may see it. `subsidyFen`, `payFen` and `tier` give the elder's subsidy
 * category away (低保 …): only the elder and centre staff get them; family and proxy bookers get
 * null and the menu price.
 */
export interface PriceDTO {
  priceFen: number;
  subsidyFen: number | null;
  payFen: number | null;
  tier: SubsidyTier | null;
}

export interface BookingDTO {
  id: number;
  slotId: number;
  status: BookingStatus;
  statusLabel: string;
  mode: MealMode;
  modeLabel: string;
  /** The counter code (and QR content); shown only to the elder, who booked it, and centre staff. */
  code: string;
  elder: { id: number; name: string };
  slot: { kind: SlotKind; day: string; title: string; startsAt: string; cutoffAt: string; centreName: string };
  channel: BookingChannel;
  channelLabel: string;
  price: PriceDTO;
  tierLabel: string | null;
  /** Place in the waitlist (1 = next), while waitlisted. */
  waitlistPosition: number | null;
  offerExpiresAt: string | null;
  redeemedAt: string | null;
  /** How the share was paid at redemption / delivery (null: nothing recorded). */
  paidBy: PaidBy | null;
  createdAt: string;
  /**
   * 备注 (text and/or voice) for the kitchen, the counter and the round; only to the elder, family
   * linked to her, whoever booked and centre staff (null to anyone else, and when there is none).
   */
  remark: BookingRemarkDTO | null;
  /** What the caller may do now: rendered as buttons, re-checked by each action. */
  can: ('cancel' | 'confirm' | 'redeem' | 'deliver' | 'remark')[];
}

/** A booking's 备注: the text (≤ 50), a voice note, or both. */
export interface BookingRemarkDTO {
  text: string | null;
  voiceNote: VoiceNoteDTO | null;
}

export interface QuoteDTO {
  price: PriceDTO;
  tierLabel: string | null;
  /**
   * The subsidy the elder declared but the centre has not verified yet ("独居/空巢", 3.00元): shown
   * so they know it comes after the check (a booking made now is re-priced then). Only to those who
   * see the subsidy (the elder, centre staff); null otherwise.
   */
  pending: { tierLabel: string; subsidyFen: number } | null;
  /**
   * 「今日补贴已用，本餐按原价」: the elder already holds the day's subsidised meals
   * (`subsidisedMealsPerDay`, at any centre or sitting), so this one is priced in full — it may
   * still be booked. Only to those who see the subsidy; null otherwise.
   */
  capNote: string | null;
  /**
   * Where a delivered meal goes: `address` from the elder's profile for the elder and centre staff
   * (null for others, who see only `hasAddress`). Without an address `book` refuses delivery.
   */
  delivery: { hasAddress: boolean; address: string | null };
  /** Dishes that clash with the elder's diet or allergies (warnings, not refusals). */
  warnings: string[];
  seatsLeft: { dineIn: number; delivery: number };
  open: boolean;
}

/** An elder as the centre's staff see them (phone masked, profile for the kitchen). */
export interface ElderDTO {
  id: number;
  /** The centre the profile is registered with. */
  centreId: number;
  name: string;
  phoneMasked: string;
  /** No mobile: a landline and/or a guardian to call, masked like phones. */
  landlineMasked: string;
  guardian: { name: string; phoneMasked: string } | null;
  age: number;
  address: string;
  livesAlone: boolean;
  dibao: boolean;
  /** 特困供养人员: hidden like 低保 (only the elder and centre staff get an ElderDTO). */
  tekun: boolean;
  diets: DietTag[];
  allergies: string;
  /** The subsidy tier the verified status earns (null while the declaration awaits the centre). */
  tier: SubsidyTier | null;
  /** That tier as the city names it and what it takes off a meal now, in 分 (city settings). */
  tierLabel: string | null;
  tierFen: number | null;
  hasAccount: boolean;
  /** Whether centre staff verified the declared age, 独居 and 低保; who and when, once they did. */
  verification: { status: ElderVerification; statusLabel: string; at: string | null; byName: string | null };
}

/** An elder a proxy (grid worker, head, community staff) may book for: what 代订 needs, no profile. */
export interface ProxyElderDTO {
  id: number;
  centreId: number;
  centreName: string;
  name: string;
  age: number;
  /** 独居: what a visit plans by (elder-visibility's living situation). */
  livesAlone: boolean;
  hasAccount: boolean;
  /** How the booking will be recorded (楼栋长代订 …). */
  channelLabel: string;
}

/** The kitchen's sheet for one sitting: counts per mode, per diet, allergies to mind. */
export interface KitchenReportDTO {
  slot: SlotDTO;
  total: number;
  byMode: Record<MealMode, number>;
  byDiet: { tag: DietTag; count: number }[];
  allergies: { name: string; allergies: string }[];
  /**
   * The menu checked against the sitting's elders: per dish allergen, who is allergic to it
   * (「本餐含鸡蛋（番茄炒蛋）→ 王秀兰过敏」). Centre staff only, as the whole report.
   */
  allergyAlerts: { allergen: string; dishes: string[]; names: string[] }[];
  /** Everyone holding a seat, for the counter and the delivery round. */
  people: { bookingId: number; name: string; mode: MealMode; status: BookingStatus; address: string; diets: DietTag[]; remark: BookingRemarkDTO | null }[];
}

/** A family member's link to an elder. */
export interface FamilyLinkDTO {
  id: number;
  /** The centre the elder is registered with (where the family member books). */
  centreId: number;
  /** `id` is null for the member until the centre verified the link (staff always see it). */
  elder: { id: number | null; name: string };
  /** The family member (for staff deciding: name and masked phone). */
  member: { id: number; name: string; phoneMasked: string };
  relationNote: string;
  status: FamilyLinkStatus;
  statusLabel: string;
  createdAt: string;
}

export interface StandingOrderDTO {
  id: number;
  elder: { id: number; name: string };
  sitting: Sitting;
  weekdays: number[];
  /** "周一、周三、周五 午餐 送餐" */
  summary: string;
  mode: MealMode;
  status: StandingOrderStatus;
  statusLabel: string;
  /** Days the timer could not book (full), most recent first: the family is told each time. */
  missed: string[];
}

/**
 * The delivery round of one sitting: stops grouped by the delivery address (its compound or
 * street, then its building or number), never by the household the elder is bound to.
 */
export interface DeliveryListDTO {
  slot: { id: number; day: string; title: string };
  total: number;
  routes: {
    compound: string;
    buildings: {
      building: string;
      stops: {
        bookingId: number;
        name: string;
        address: string;
        phone: string;
        diets: DietTag[];
        allergies: string;
        status: BookingStatus;
        /** 独居: a missed delivery is urgent. */
        livesAlone: boolean;
        /** What the elder pays at the door (fen; 0: nothing due), and how it was paid once delivered. */
        payFen: number;
        paidBy: PaidBy | null;
        /** 「不在家 / 拒收」 (with the round's note) when the round recorded the door; null otherwise (a timer no-show too). */
        missed: string | null;
        /** The booking's 备注 (送餐请敲门 …), text and/or voice. */
        remark: BookingRemarkDTO | null;
      }[];
    }[];
  }[];
}

/**
 * A month's meal subsidies, for the civil-affairs office: meals taken (redeemed or delivered) only,
 * per tier, per centre and per elder. It adds up: tiers' meals + `unverified.meals` +
 * `noSubsidy.meals` = `total.meals`; the tiers' subsidy = `total.subsidyFen`; `centres` and
 * `elders` each sum to `total`.
 */
export interface SubsidyReportDTO {
  /** The centre reported on; null for a roll-up over a community's / street's centres. */
  centre: { id: number; name: string } | null;
  /** The centre's name, or 「辖区 3 个日间照料中心」 for a roll-up. */
  scopeLabel: string;
  month: string;
  tiers: { tier: SubsidyTier; label: string; meals: number; elders: number; subsidyFen: number }[];
  /** subsidyFen: claimed (verified) subsidy only. */
  total: { meals: number; subsidyFen: number; payFen: number };
  /** Meals at the full price: no subsidy tier at booking. */
  noSubsidy: { meals: number; payFen: number };
  /**
   * Meals that carried a subsidy although the elder's status was not verified before them (booked
   * before verification was required): not claimed from civil affairs, listed for the centre.
   */
  unverified: { meals: number; elders: number; subsidyFen: number };
  /** The elders' shares by how they were paid (fen), for the centre's till. */
  paid: { paidBy: PaidBy | 'unrecorded'; label: string; payFen: number }[];
  /** Per centre (one row for a single centre). */
  centres: { id: number; name: string; meals: number; subsidyFen: number; payFen: number }[];
  /**
   * Per elder who ate in the month: claimed subsidy and what they paid. `name` is the full name for
   * the centre's staff, masked (王**) for community / street staff.
   */
  elders: { elderId: number; name: string; centre: string; tierLabel: string | null; meals: number; subsidyFen: number; payFen: number }[];
}

/** What "same as last week" did, sitting by sitting. */
export interface RepeatWeekDTO {
  booked: BookingDTO[];
  /** Sittings that could not be booked, with why ("已满", "已截止", "本周未发布"). */
  skipped: { day: string; title: string; reason: string }[];
}

/** What 复制上周菜单 did (or, with dryRun, would do), sitting by sitting. */
export interface CopyWeekDTO {
  /** The sittings created (with dryRun: none are written, `created` lists what would be). */
  created: { day: string; sitting: Sitting; title: string; slotId: number | null }[];
  /** Sittings of last week not copied, with why ("休息日", "本周已有", "已截止", "超出可发布范围"). */
  skipped: { day: string; sitting: Sitting; title: string; reason: string }[];
}

/** A day the centre is closed (休息): no meals, rooms or visits. */
export interface ClosedDayDTO {
  day: string;
  reason: string;
}

/**
 * 撤销休息日: the day is open again; `withdrawn` meal sittings the close withdrew stay withdrawn (their
 * bookings stay cancelled): the centre publishes the day again (复制上周, 新增餐次).
 */
export interface ReopenDayDTO {
  day: string;
  withdrawn: number;
}

/** What closing a day would withdraw: meal sittings, live bookings, the elders booked and who hears it how. */
export interface ClosePreviewDTO {
  day: string;
  closed: boolean;
  sittings: number;
  bookings: number;
  /** Elders booked that day; `told` of them hear it in the app (own account or verified family). */
  elders: number;
  told: number;
  /** The others, by name: no account and no family linked — the centre phones them. */
  toCall: string[];
}

/** 首页's meal card for an elder: her next booked meal and any seat offered to her from a waitlist. */
export interface MyNextMealDTO {
  /** Whether the caller has an elder profile of her own at any centre (else the card is not shown). */
  hasProfile: boolean;
  /** The earliest booked meal not yet over (day, sitting, centre and code in `slot` and `code`). */
  next: BookingDTO | null;
  /** Seats offered from a waitlist, still open: confirm (`confirm`) before `offerExpiresAt`. */
  offers: BookingDTO[];
}
