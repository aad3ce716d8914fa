/** Messages for any module: queue in the transaction, push after commit. */
export { Notifier, type Message } from './notifier';
/** A message to many (a city's residents): one statement, in-app only. */
export { notifyMany, type Audience } from './fan-out';
