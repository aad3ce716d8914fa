import type { EntityManager } from 'typeorm';
import { wechatPageOf, type MessageKind, type SubjectRef } from '@hg/types';
import { clock } from '../../core/clock';
import type { Platform } from '../../core/platform';
import { usersById } from '../identity/public';
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
 * Collects messages during a transaction: the in-app rows are written in the same transaction
 * (they commit or vanish with the change they describe); WeChat subscribe messages go out only
 * after the commit, best effort.
 */
export class Notifier {
  private pending: { userIds: number[]; msg: Message }[] = [];

  /** Queue `msg` for these users (duplicates and `exceptUserId` removed). */
  async to(em: EntityManager, userIds: readonly (number | null | undefined)[], msg: Message, exceptUserId?: number): Promise<void> {
    const ids = [...new Set(userIds.filter((x): x is number => typeof x === 'number' && x > 0 && x !== exceptUserId))];
    if (!ids.length) return;
    const now = clock.now();
    const body = bodyOf(msg);
    await em.insert(
      Notification,
      ids.map((userId) => ({
        userId,
        title: [...msg.title].slice(0, TITLE_MAX).join(''),
        body,
        subjectKind: msg.subject?.subjectKind ?? null,
        subjectId: msg.subject?.subjectId ?? null,
        readAt: null,
        createdAt: now,
      })),
    );
    this.pending.push({ userIds: ids, msg: { ...msg, body } });
  }

  /** After commit: push subscribe messages to everyone notified. */
  async flush(em: EntityManager, platform: Platform): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    for (const { userIds, msg } of batch) {
      const users = await usersById(em, userIds);
      for (const u of users.values()) {
        await platform.messenger.send({ openid: u.openid, template: msg.kind, page: wechatPageOf(msg.subject), title: msg.title, body: msg.body });
      }
    }
  }
}
