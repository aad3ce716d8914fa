/** Messages for any module: queue in the transaction, push after commit. */
export { Notifier, type Message } from './notifier';
