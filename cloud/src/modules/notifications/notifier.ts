import type { EntityManager, SelectQueryBuilder } from 'typeorm';
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

/** Who a message reaches: user ids, or a select (from the module that knows them) of one `userId` column. */
export type Recipients = readonly (number | null | undefined)[] | SelectQueryBuilder<object>;

interface Queued {
  who: Recipients;
  msg: Message;
  exceptUserId?: number;
}

/**
 * Writes messages inside the caller's transaction. Each row is both the in-app message (it commits
 * or vanishes with the change it describes) and the outbox entry of its WeChat subscribe message,
 * which the `pushes.send` timer job sends outside any request (push-sender.ts): a request never
 * waits on WeChat, and a push that fails is retried rather than lost.
 *
 * By default each `to` is one statement (one multi-row INSERT, or INSERT … SELECT over a query of
 * recipients), whatever the number of recipients. A `deferred` notifier (the needs flow: an
 * action that tells four groups) only collects, and `write` then stores every message collected
 * in ONE statement.
 */
export class Notifier {
  private readonly queued: Queued[] = [];
  constructor(private readonly opts: { deferred?: boolean } = {}) {}

  /** Write `msg` for these users (duplicates and `exceptUserId` removed), or queue it when deferred. */
  async to(em: EntityManager, who: Recipients, msg: Message, exceptUserId?: number): Promise<void> {
    if (this.opts.deferred) this.queued.push({ who, msg, exceptUserId });
    else await writeMessages(em, [{ who, msg, exceptUserId }]);
  }

  /** Write what a deferred notifier collected, in one statement (none when nothing was collected). */
  async write(em: EntityManager): Promise<void> {
    await writeMessages(em, this.queued.splice(0));
  }
}

const COLUMNS = ['userId', 'title', 'body', 'subjectKind', 'subjectId', 'readAt', 'createdAt', 'pushKind', 'pushState', 'pushAttempts', 'pushAfter'];

/**
 * Several messages in one statement: a multi-row INSERT when every recipient list is ids, else
 * INSERT … SELECT with one member per message (UNION ALL) — DISTINCT over a query's people, one
 * row per id.
 */
async function writeMessages(em: EntityManager, parts: readonly Queued[]): Promise<void> {
  const now = clock.now();
  const rowOf = ({ msg }: Queued) => ({
    title: [...msg.title].slice(0, TITLE_MAX).join(''),
    body: bodyOf(msg),
    subjectKind: msg.subject?.subjectKind ?? null,
    subjectId: msg.subject?.subjectId ?? null,
    kind: msg.kind,
  });
  const lists: { ids: number[]; part: Queued }[] = [];
  const queries: Queued[] = [];
  for (const part of parts) {
    if (Array.isArray(part.who)) {
      const ids = [...new Set((part.who as readonly (number | null | undefined)[]).filter((x): x is number => typeof x === 'number' && x > 0 && x !== part.exceptUserId))];
      if (ids.length) lists.push({ ids, part });
    } else queries.push(part);
  }
  if (!queries.length) {
    if (!lists.length) return;
    // updateEntity(false): no re-read of generated and default columns after the INSERT (one statement).
    await em
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .updateEntity(false)
      .values(
        lists.flatMap(({ ids, part }) => {
          const r = rowOf(part);
          return ids.map((userId) => ({
            userId,
            title: r.title,
            body: r.body,
            subjectKind: r.subjectKind,
            subjectId: r.subjectId,
            readAt: null,
            createdAt: now,
            ...pushColumns(r.kind, now),
          }));
        }),
      )
      .execute();
    return;
  }
  const meta = em.connection.getMetadata(Notification);
  const driver = em.connection.driver;
  const at = driver.preparePersistentValue(now, meta.findColumnWithPropertyName('createdAt')!);
  const q = (name: string) => driver.escape(name);
  const members: string[] = [];
  const params: unknown[] = [];
  const values = (part: Queued) => {
    const r = rowOf(part);
    return [r.title, r.body, r.subjectKind, r.subjectId, at, r.kind, at];
  };
  const TAIL = `?, ?, ?, ?, NULL, ?, ?, 'pending', 0, ?`;
  for (const part of queries) {
    const [select, selectParams] = (part.who as SelectQueryBuilder<object>).getQueryAndParameters();
    const except = part.exceptUserId ? ` WHERE a.${q('userId')} <> ?` : '';
    members.push(`SELECT DISTINCT a.${q('userId')}, ${TAIL} FROM (${select}) a${except}`);
    params.push(...values(part), ...selectParams, ...(part.exceptUserId ? [part.exceptUserId] : []));
  }
  for (const { ids, part } of lists)
    for (const id of ids) {
      members.push(`SELECT ?, ${TAIL}`);
      params.push(id, ...values(part));
    }
  await em.query(`INSERT INTO ${q(meta.tableName)} (${COLUMNS.map(q).join(', ')}) ${members.join(' UNION ALL ')}`, params);
}

/** Outbox priority of a message to its people (sent first) and of a fan-out (notification.entity.ts). */
export const PERSONAL_PUSH = 0;
export const FAN_OUT_PUSH = 1;

/** The outbox columns of a new message row: pending from its creation; a fan-out's wait behind personal ones. */
export function pushColumns(kind: MessageKind, now: Date, priority: number = PERSONAL_PUSH) {
  return { pushKind: kind, pushState: 'pending' as const, pushAttempts: 0, pushAfter: now, pushError: null, pushPriority: priority };
}
