/** Messages for any module: written in the transaction; the outbox's timer job pushes them to WeChat. */
export { Notifier, type Message, type Recipients } from './notifier';
/** A message to many (a city's residents): one statement, pushed later like any other. */
export { notifyMany, type Audience } from './fan-out';
/** The message rows are also the push outbox: read and settled by the `pushes` module's sender. */
export { readDuePushes, settlePushes, type DuePush, type PushState, type PushUpdate } from './outbox';
