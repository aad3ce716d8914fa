import { In, type EntityManager } from 'typeorm';
import { Notification } from './notification.entity';

/** Where a message's WeChat push stands (pushes/push-sender.ts sends them). */
export type PushState = 'pending' | 'sent' | 'refused' | 'failed' | 'skipped';

/** A message row due for its WeChat push. */
export type DuePush = Pick<Notification, 'id' | 'userId' | 'title' | 'body' | 'subjectKind' | 'subjectId' | 'pushKind' | 'pushAttempts'>;

/** What to write to a group of rows after an attempt (which also counts the attempt). */
export interface PushUpdate {
  ids: number[];
  set: { pushState?: PushState; pushError: string | null; pushAfter?: Date };
}

/**
 * Up to `limit` pending pushes due at `now`: messages to their people before fan-outs, oldest
 * first within each (the (pushState, pushPriority, pushAfter) index gives this order).
 */
export function readDuePushes(em: EntityManager, now: Date, limit: number): Promise<DuePush[]> {
  return em
    .createQueryBuilder(Notification, 'n')
    .select(['n.id', 'n.userId', 'n.title', 'n.body', 'n.subjectKind', 'n.subjectId', 'n.pushKind', 'n.pushAttempts'])
    .where('n.pushState = :pending', { pending: 'pending' })
    .andWhere('n.pushAfter <= :now', { now })
    .orderBy('n.pushPriority', 'ASC')
    .addOrderBy('n.pushAfter', 'ASC')
    .addOrderBy('n.id', 'ASC')
    .limit(limit)
    .getMany();
}

/**
 * Write attempts' outcomes, one UPDATE per group, each conditional on the rows still being
 * pending, so an overlapping sender never rewinds a row another one settled.
 */
export async function settlePushes(em: EntityManager, updates: readonly PushUpdate[]): Promise<void> {
  for (const { ids, set } of updates) {
    if (ids.length) await em.update(Notification, { id: In(ids), pushState: 'pending' }, { ...set, pushAttempts: () => 'pushAttempts + 1' });
  }
}
