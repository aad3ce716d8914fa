import { client } from './client';

/**
 * Day-care meals (助餐) and the slot engine behind them: the elder's week and bookings, the
 * counter's redemption, family links, standing orders, and the centre staff's menus, walk-in
 * elders, kitchen sheet, delivery round and monthly subsidy report.
 */
export const bookings = client('bookings', [
  'centres',
  'week',
  'quote',
  'book',
  'cancel',
  'confirm',
  'mine',
  'redeem',
  'deliver',
  'mealRoster',
  'redeemById',
  'missDelivery',
  'registerElder',
  'myElders',
  'elders',
  'verifyElder',
  'saveSlot',
  'kitchen',
  'deliveries',
  'subsidyReport',
  'exportSubsidyReport',
  'linkFamily',
  'linkQueue',
  'decideLink',
  'myLinks',
  'staffLinkFamily',
  'proxyElders',
  'standingOrder',
  'standingOrderStep',
  'myStandingOrders',
  'repeatWeek',
  // Rooms, consultations, visits, meetings and activities on the slot engine (no elder needed).
  'venueSlots',
  'reserve',
  'myReservations',
  'cancelReservation',
  'acceptReservation',
  'publishSlot',
  'editSlot',
  'withdrawSlot',
  'closeDay',
  'roster',
  'checkIn',
  'checkOut',
]);
