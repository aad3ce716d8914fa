import type { DataSource } from 'typeorm';
import { clock } from '../cloud/src/core/clock';
import { localOutbox, localPlatform, type Platform } from '../cloud/src/core/platform';
import { sendDuePushes, type PushCounts } from '../cloud/src/modules/pushes/push-sender';

/**
 * Run the outbox's sender now, as the timer would: what actions wrote as pending pushes lands in
 * `localOutbox` (or goes to the given platform's messenger).
 */
export function deliverPushes(ds: DataSource, platform: Platform = localPlatform()): Promise<PushCounts> {
  return sendDuePushes({ em: ds.manager, platform }, clock.now());
}

/** Deliver what is pending, then empty `localOutbox`: what a test reads after this is what came next. */
export async function resetPushes(ds: DataSource): Promise<void> {
  await deliverPushes(ds);
  localOutbox.length = 0;
}
