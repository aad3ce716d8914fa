/**
 * Deep links: where a message about a subject opens, for the server (the `page` of a WeChat
 * subscribe message) and the client (the message centre) alike. Adding a subject kind means adding
 * its page here; nothing else writes page paths for messages.
 */

/** What a message is about. New domains add their kind here (and a migration needs none: it is a varchar). */
export const SubjectKind = {
  need: 'need',
  membership: 'membership',
  booking: 'booking',
  /** A booking on the slot engine (a room, a consultation, a visit …). */
  'slot-booking': 'slot-booking',
  /**
   * A household's rating of its property firm. The id is the household's: one rating per household
   * and period, and the message opens 评价物业 for that household (its rating in the open period).
   */
  'household-rating': 'household-rating',
} as const;
export type SubjectKind = (typeof SubjectKind)[keyof typeof SubjectKind];

/** A pointer at one record of one domain. */
export interface SubjectRef {
  subjectKind: SubjectKind;
  subjectId: number;
}

/** Page paths (with the leading slash, as Taro's router wants them). */
export const PAGES = {
  home: '/pages/home/index',
  me: '/pages/me/index',
  needDetail: '/packages/needs/pages/detail/index',
  myHomes: '/packages/household/pages/bind/index',
  messages: '/packages/me/pages/messages/index',
  myBookings: '/packages/bookings/pages/mine/index',
  rateFirm: '/packages/ratings/pages/rate/index',
} as const;

/** The page a subject opens, with its query. */
const SUBJECT_LINK: Record<SubjectKind, (id: number) => string> = {
  need: (id) => `${PAGES.needDetail}?id=${id}`,
  // A binding decision opens 我的, where the person's homes and their status are listed.
  membership: () => PAGES.me,
  booking: () => PAGES.myBookings,
  'slot-booking': () => PAGES.myBookings,
  'household-rating': (householdId) => `${PAGES.rateFirm}?householdId=${householdId}`,
};

/** `/packages/...?...` for the client's router; the message centre when there is no subject. */
export function linkTo(subject: Partial<SubjectRef> | null | undefined): string {
  if (!subject?.subjectKind || !subject.subjectId) return PAGES.messages;
  const make = SUBJECT_LINK[subject.subjectKind];
  return make ? make(subject.subjectId) : PAGES.messages;
}

/** The same link as a WeChat subscribe message `page` (no leading slash). */
export function wechatPageOf(subject: Partial<SubjectRef> | null | undefined): string {
  return linkTo(subject).replace(/^\//, '');
}

/**
 * Kinds of message, one WeChat one-time subscribe template each: the server reads the template id
 * from `WX_TEMPLATE_<KIND>` (upper case), the client asks consent with `TARO_APP_TMPL_<KIND>`.
 * Every template has two "thing" fields: thing1 = title, thing2 = detail.
 */
export const MessageKind = {
  /** A resident's own need moved (accepted, resolved, declined, held, escalated …). */
  need_update: 'need_update',
  /** Work for staff or a receiver: a need dispatched to them, urged, reopened, escalated to their level. */
  need_task: 'need_task',
  /** A household binding was verified or rejected. */
  membership_update: 'membership_update',
  /** A booking moved: a waitlisted seat was offered, an offer lapsed, a booking was cancelled by staff. */
  booking_update: 'booking_update',
  /** The household's rating of its property firm was changed by another member (told to the member who had rated). */
  rating_update: 'rating_update',
} as const;
export type MessageKind = (typeof MessageKind)[keyof typeof MessageKind];

/** Environment variable that holds a kind's template id on the server. */
export function templateEnvOf(kind: MessageKind): string {
  return `WX_TEMPLATE_${kind.toUpperCase()}`;
}
