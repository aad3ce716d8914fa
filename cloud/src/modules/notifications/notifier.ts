import type { EntityManager } from 'typeorm';
import type { MessageKind, SubjectRef } from '@hg/types';
import { clock } from '../../core/clock';
import { Notification } from './notification.entity';

export interface Message {
  /** Which subscribe template carries it (types/links.ts). */
  kind: MessageKind;
  title: string;
  body: string;
  /** What it is about; the message opens that subject's page. */
  subject: SubjectRef | null;
  /**
   * A short quote of the subject (a need's description) so staff can triage from the list
   * without opening each message.
   */
  excerpt?: string;
}

export const TITLE_MAX = 40;
const BODY_MAX = 200;
const EXCERPT_MAX = 60;

/** The stored body: the message, then the quoted excerpt when there is room for one. */
export function bodyOf(msg: Pick<Message, 'body' | 'excerpt'>): string {
  const chars = [...msg.body];
  const excerpt = msg.excerpt ? [...msg.excerpt.replace(/\s+/g, ' ').trim()] : [];
  // No quote when the body already says it (e.g. "#12 电梯异响").
  if (!excerpt.length || msg.body.includes(excerpt.slice(0, 10).join(''))) return chars.slice(0, BODY_MAX).join('');
  const quoted = excerpt.length > EXCERPT_MAX ? `${excerpt.slice(0, EXCERPT_MAX - 1).join('')}…` : excerpt.join('');
  return [...`${chars.join('')}：「${quoted}」`].slice(0, BODY_MAX).join('');
}

/**
 * Writes messages inside the caller's transaction: one multi-row INSERT per message, whatever the
 * number of recipients. Each row is both the in-app message (it commits or vanishes with the change
 * it describes) and the outbox entry of its WeChat subscribe message, which the
 * `pushes.send` timer job sends outside any request (push-sender.ts): a request never
 * waits on WeChat, and a push that fails is retried rather than lost.
 */
export class Notifier {
  /** Write `msg` for these users (duplicates and `exceptUserId` removed). */
  async to(em: EntityManager, userIds: readonly (number | null | undefined)[], msg: Message, exceptUserId?: number): Promise<void> {
    const ids = [...new Set(userIds.filter((x): x is number => typeof x === 'number' && x > 0 && x !== exceptUserId))];
    if (!ids.length) return;
    const now = clock.now();
    const body = bodyOf(msg);
    // updateEntity(false): no re-read of generated and default columns after the INSERT (one statement).
    await em
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .updateEntity(false)
      .values(
        ids.map((userId) => ({
          userId,
          title: [...msg.title].slice(0, TITLE_MAX).join(''),
          body,
          subjectKind: msg.subject?.subjectKind ?? null,
          subjectId: msg.subject?.subjectId ?? null,
          readAt: null,
          createdAt: now,
          ...pushColumns(msg.kind, now),
        })),
      )
      .execute();
  }
}

/** The outbox columns of a new message row: pending from its creation. */
export function pushColumns(kind: MessageKind, now: Date) {
  return { pushKind: kind, pushState: 'pending' as const, pushAttempts: 0, pushAfter: now, pushError: null };
}
