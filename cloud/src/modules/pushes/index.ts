import type { DomainModule } from '../../core/module';
import { identityModule } from '../identity';
import { notificationsModule } from '../notifications';
import { sendPushes } from './push-sender';

/**
 * The outbox's sender: WeChat subscribe messages, written as pending message rows by every
 * module's Notifier, pushed by a timer job outside any request. A module of its own so that only
 * the timer function carries it (a function bundle holds its modules' closure, and every function
 * requires notifications).
 */
export const pushesModule: DomainModule = {
  name: 'pushes',
  entities: [],
  requires: [identityModule, notificationsModule],
  timers: [sendPushes],
};
