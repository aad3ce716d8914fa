import { client } from './client';

/**
 * Day-care meals (助餐) and the slot engine behind them: the elder's week and bookings, the
 * counter's redemption, and the centre staff's menus, walk-in elders and kitchen sheet.
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
  'registerElder',
  'myElders',
  'elders',
  'saveSlot',
  'kitchen',
]);
