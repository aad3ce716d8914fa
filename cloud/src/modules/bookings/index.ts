import type { ActionTableFor } from '../../core/action';
import { BOOKINGS_SETTINGS } from '@hg/types';
import type { DomainModule } from '../../core/module';
import { communityModule } from '../community';
import { householdsModule } from '../households';
import { identityModule } from '../identity';
import { notificationsModule } from '../notifications';
import { settingsModule } from '../settings';
import { bookSlot } from './actions/book-slot';
import { cancelBooking } from './actions/cancel-booking';
import { confirmBooking } from './actions/confirm-booking';
import { createStandingOrder } from './actions/create-standing-order';
import { decideLink } from './actions/decide-link';
import { deliverBooking } from './actions/deliver-booking';
import { linkFamily } from './actions/link-family';
import { staffLinkFamily } from './actions/staff-link-family';
import { listProxyElders } from './queries/list-proxy-elders';
import { redeemBooking } from './actions/redeem-booking';
import { redeemFromRoster } from './actions/redeem-from-roster';
import { missDelivery } from './actions/miss-delivery';
import { registerElder } from './actions/register-elder';
import { repeatWeek } from './actions/repeat-week';
import { saveSlot } from './actions/save-slot';
import { stepStandingOrder } from './actions/step-standing-order';
import { verifyElder } from './actions/verify-elder';
import { BOOKING_TIMERS } from './booking-timers';
import { Booking } from './booking.entity';
import { Elder } from './elder.entity';
import { FamilyLink } from './family-link.entity';
import { LinkAttempt } from './link-attempt.entity';
import { LinkTarget } from './link-target.entity';
import { getDeliveryList } from './queries/get-delivery-list';
import { getMealRoster } from './queries/get-meal-roster';
import { getKitchenReport } from './queries/get-kitchen-report';
import { getQuote } from './queries/get-quote';
import { getSubsidyReport } from './queries/get-subsidy-report';
import { exportSubsidyReport } from './queries/export-subsidy-report';
import { getWeek } from './queries/get-week';
import { listCentres } from './queries/list-centres';
import { listElders } from './queries/list-elders';
import { listLinkQueue } from './queries/list-link-queue';
import { listMyBookings } from './queries/list-my-bookings';
import { getMyNextMeal } from './queries/get-my-next-meal';
import { listMyElders } from './queries/list-my-elders';
import { listMyLinks } from './queries/list-my-links';
import { listMyStandingOrders } from './queries/list-my-standing-orders';
import { Slot } from './slot.entity';
import { fulfilStandingOrders } from './standing-order-timer';
import { StandingOrder } from './standing-order.entity';
import { bookingsDemoSeed } from './demo-seed';
import { acceptReservation } from './actions/accept-reservation';
import { cancelReservation } from './actions/cancel-reservation';
import { checkInReservation } from './actions/check-in';
import { checkOutReservation } from './actions/check-out';
import { closeCentreDay } from './actions/close-day';
import { copyWeek } from './actions/copy-week';
import { editMenu } from './actions/edit-menu';
import { getClosePreview } from './queries/get-close-preview';
import { listClosedDays } from './queries/list-closed-days';
import { editVenueSlot } from './actions/edit-venue-slot';
import { publishVenueSlot } from './actions/publish-venue-slot';
import { reserveSlot } from './actions/reserve-slot';
import { withdrawVenueSlot } from './actions/withdraw-venue-slot';
import { getRoster } from './queries/get-roster';
import { listMyReservations } from './queries/list-my-reservations';
import { listVenueGroups } from './queries/list-venue-groups';
import { listVenueSlots } from './queries/list-venue-slots';
import { slotsModule } from '../slots';
import { ElderContactsAndPlace1765670400000 } from './migrations/1765670400000-ElderContactsAndPlace';
import { ElderTekun1766016000000 } from './migrations/1766016000000-ElderTekun';
import { MealSittingWithdrawn1766016000001 } from './migrations/1766016000001-MealSittingWithdrawn';
import { reopenCentreDay } from './actions/reopen-day';
import { remarkBooking } from './actions/remark-booking';
import { BookingRemark1766016000002 } from './migrations/1766016000002-BookingRemark';
import { MEAL_TERMS } from './meal-store';
import { setKindTerms } from '../slots/public';

// The engine's timers act on meal slots on the meal programme's terms (offer window, messages).
setKindTerms('meal', MEAL_TERMS);

/** The `bookings` cloud function's action table. */
export const bookingActions = {
  centres: listCentres,
  week: getWeek,
  quote: getQuote,
  book: bookSlot,
  cancel: cancelBooking,
  confirm: confirmBooking,
  mine: listMyBookings,
  redeem: redeemBooking,
  deliver: deliverBooking,
  mealRoster: getMealRoster,
  redeemById: redeemFromRoster,
  missDelivery,
  registerElder,
  myElders: listMyElders,
  myNextMeal: getMyNextMeal,
  elders: listElders,
  verifyElder,
  saveSlot,
  kitchen: getKitchenReport,
  linkFamily,
  linkQueue: listLinkQueue,
  decideLink,
  standingOrder: createStandingOrder,
  standingOrderStep: stepStandingOrder,
  myStandingOrders: listMyStandingOrders,
  deliveries: getDeliveryList,
  subsidyReport: getSubsidyReport,
  exportSubsidyReport,
  repeatWeek,
  // A week of menus: copy last week's, swap a dish, closed days (休息日) and what closing one ends.
  copyWeek,
  editMenu,
  closedDays: listClosedDays,
  closePreview: getClosePreview,
  myLinks: listMyLinks,
  staffLinkFamily,
  proxyElders: listProxyElders,
  // Rooms, consultations, visits, meetings and activities on the slot engine (venue/).
  venueSlots: listVenueSlots,
  venueGroups: listVenueGroups,
  reserve: reserveSlot,
  myReservations: listMyReservations,
  cancelReservation,
  acceptReservation,
  publishSlot: publishVenueSlot,
  editSlot: editVenueSlot,
  withdrawSlot: withdrawVenueSlot,
  closeDay: closeCentreDay,
  reopenDay: reopenCentreDay,
  remark: remarkBooking,
  roster: getRoster,
  checkIn: checkInReservation,
  checkOut: checkOutReservation,
} satisfies ActionTableFor<'bookings'>;

/** Day-care and neighbourhood-centre bookings on one slot engine (meals, rooms, consultations, visits). */
export const bookingsModule: DomainModule = {
  name: 'bookings',
  entities: [Elder, Slot, Booking, FamilyLink, StandingOrder, LinkAttempt, LinkTarget],
  migrations: [ElderContactsAndPlace1765670400000, ElderTekun1766016000000, MealSittingWithdrawn1766016000001, BookingRemark1766016000002],
  requires: [identityModule, communityModule, householdsModule, notificationsModule, settingsModule, slotsModule],
  capabilities: ['runCareCentre', 'bookForElders', 'mealSubsidyRollUp'],
  functions: { bookings: bookingActions },
  subjects: ['booking', 'family-link', 'standing-order', 'meal-day'],
  messages: ['booking_update'],
  seed: bookingsDemoSeed,
  // Standing orders first: a sitting published this tick is booked before waitlists close.
  timers: [fulfilStandingOrders, ...BOOKING_TIMERS],
  // 助餐补贴: tiers' amounts and names, the 高龄 age (types/bookings-schemas.ts).
  settings: [BOOKINGS_SETTINGS],
};
