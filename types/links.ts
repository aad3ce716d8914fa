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
  /** A family member's link to an elder (bookings); the message opens 为家人订餐, where the link and its status are shown. */
  'family-link': 'family-link',
  /** A rating period (id: the period's): residents are asked to rate in it. */
  'rating-period': 'rating-period',
  /** A rating period seen by an assessor (id: the period's): opens 物业考评. */
  'rating-assessment': 'rating-assessment',
  /** A period's published results (id: the period's): opens 物业星级榜. */
  'rating-results': 'rating-results',
  /** A property firm's ratings (id: the firm's): opens 评价反馈 for the firm's staff. */
  'firm-ratings': 'firm-ratings',
  /** A rating's public comment (id: the rating's) awaiting a moderator: opens 评论审核. */
  'rating-comment': 'rating-comment',
  /** The firm replied to a resident's comment (id: the firm's): opens the firm's public page, where the reply is under her comment. */
  'rating-reply': 'rating-reply',
  /** A firm's result was corrected (id: the firm's): opens the firm's page, where 已更正 and 更正记录 are. */
  'firm-card': 'firm-card',
  /** A firm's objections (申诉) to a period's results (id: the period's for the admin, the firm's for its staff): opens 结果异议. */
  'rating-objections': 'rating-objections',
  /** A deliberation matter (id: the matter's): opens 议题, its notice, rules, timeline, the household's ballot and the tally. */
  matter: 'matter',
  /** A party member's 双报到 (id: the report's): the party pages arrive later, so it opens the message centre for now. */
  'party-report': 'party-report',
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
  familyLinks: '/packages/bookings/pages/family/index',
  assessFirms: '/packages/ratings/pages/assess/index',
  firmBoard: '/packages/ratings/pages/leaderboard/index',
  firmReply: '/packages/ratings/pages/reply/index',
  moderation: '/packages/ratings/pages/moderation/index',
  firmCard: '/packages/ratings/pages/firm/index',
  ratingObjections: '/packages/ratings/pages/objections/index',
  matter: '/packages/governance/pages/matter/index',
} as const;

/** The page a subject opens, with its query. */
const SUBJECT_LINK: Record<SubjectKind, (id: number) => string> = {
  need: (id) => `${PAGES.needDetail}?id=${id}`,
  // A binding decision opens 我的, where the person's homes and their status are listed.
  membership: () => PAGES.me,
  booking: () => PAGES.myBookings,
  'slot-booking': () => PAGES.myBookings,
  'household-rating': (householdId) => `${PAGES.rateFirm}?householdId=${householdId}`,
  'family-link': () => PAGES.familyLinks,
  // One message for every resident of the city: the page picks the reader's home.
  'rating-period': () => PAGES.rateFirm,
  'rating-assessment': () => PAGES.assessFirms,
  'rating-results': () => PAGES.firmBoard,
  'firm-ratings': (firmId) => `${PAGES.firmReply}?firmId=${firmId}`,
  'rating-comment': () => PAGES.moderation,
  'rating-reply': (firmId) => `${PAGES.firmCard}?firmId=${firmId}`,
  'firm-card': (firmId) => `${PAGES.firmCard}?firmId=${firmId}`,
  // The page lists what the reader may see: the admin every objection, the firm's staff their own.
  'rating-objections': () => PAGES.ratingObjections,
  matter: (id) => `${PAGES.matter}?id=${id}`,
  'party-report': () => PAGES.messages,
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
  /** A rating period opened (residents, assessors) or is about to close (assessors who have not finished). */
  rating_period: 'rating_period',
  /** A period's results are published (residents of rated compounds; the firm, with its comments to answer). */
  rating_result: 'rating_result',
  /** Work from ratings: a hidden comment waits for a moderator; a comment on the firm was hidden or decided. */
  rating_task: 'rating_task',
  /** The author's own comment was hidden after reports, removed, or shown again by a moderator. */
  rating_comment: 'rating_comment',
  /** A matter the household votes on: published (its notice), voting opened, its ballot voided by a new version, the result published. */
  matter_update: 'matter_update',
  /** A vote closes within 24 hours and the household has not voted. */
  matter_vote: 'matter_vote',
  /** Work for staff from deliberation: a need followed by enough households was proposed as a draft matter. */
  matter_task: 'matter_task',
  /** The member's 双报到 was confirmed or declined by the branch, or lapsed after its year. */
  party_update: 'party_update',
  /** The person was appointed to a post (人员任命) or the post was ended (撤销, or a new head took over). */
  post_update: 'post_update',
} as const;
export type MessageKind = (typeof MessageKind)[keyof typeof MessageKind];

/** Environment variable that holds a kind's template id on the server. */
export function templateEnvOf(kind: MessageKind): string {
  return `WX_TEMPLATE_${kind.toUpperCase()}`;
}
