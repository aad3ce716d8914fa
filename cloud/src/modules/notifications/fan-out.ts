import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { clock } from '../../core/clock';
import { Notification } from './notification.entity';
import { bodyOf, FAN_OUT_PUSH, type Message, pushColumns, TITLE_MAX } from './notifier';

/**
 * Who a fan-out reaches: a select (from the module that knows them, through its public function)
 * whose rows carry a `userId` column, or the ids themselves.
 */
export type Audience = SelectQueryBuilder<object> | readonly number[];

/**
 * A fan-out message (a city's residents): the in-app rows are written in ONE statement whatever the
 * number of recipients — `INSERT … SELECT DISTINCT` over the audience's query, or one multi-row
 * INSERT for a list of ids — inside the caller's transaction. The rows are the outbox too (pushState pending): the
 * `pushes.send` job pushes them later, in batches, so the request makes the same
 * statements for 10 recipients and for 1,000. Its rows wait behind messages to their people
 * (pushPriority FAN_OUT_PUSH): a need's 派单 is not queued behind a city-wide fan-out. Returns how
 * many people were written to.
 */
export async function notifyMany(em: EntityManager, audience: Audience, msg: Message): Promise<number> {
  const now = clock.now();
  const title = [...msg.title].slice(0, TITLE_MAX).join('');
  const body = bodyOf(msg);
  const subjectKind = msg.subject?.subjectKind ?? null;
  const subjectId = msg.subject?.subjectId ?? null;
  if (Array.isArray(audience)) {
    const ids = [...new Set((audience as readonly number[]).filter((x) => Number.isInteger(x) && x > 0))];
    if (!ids.length) return 0;
    await em
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .updateEntity(false)
      .values(ids.map((userId) => ({ userId, title, body, subjectKind, subjectId, readAt: null, createdAt: now, ...pushColumns(msg.kind, now, FAN_OUT_PUSH) })))
      .execute();
    return ids.length;
  }
  const [select, params] = (audience as SelectQueryBuilder<object>).getQueryAndParameters();
  const meta = em.connection.getMetadata(Notification);
  const driver = em.connection.driver;
  const createdAt = driver.preparePersistentValue(now, meta.findColumnWithPropertyName('createdAt')!);
  const q = (name: string) => driver.escape(name);
  const columns = ['userId', 'title', 'body', 'subjectKind', 'subjectId', 'readAt', 'createdAt', 'pushKind', 'pushState', 'pushAttempts', 'pushAfter', 'pushPriority']
    .map(q)
    .join(', ');
  const sql = `INSERT INTO ${q(meta.tableName)} (${columns}) SELECT DISTINCT a.${q('userId')}, ?, ?, ?, ?, NULL, ?, ?, 'pending', 0, ?, ${FAN_OUT_PUSH} FROM (${select}) a`;
  // The caller's transaction runner (its structured result says how many rows were written).
  const own = !em.queryRunner;
  const runner = em.queryRunner ?? em.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, [title, body, subjectKind, subjectId, createdAt, msg.kind, createdAt, ...params], true);
    return Number(result.affected ?? 0);
  } finally {
    if (own) await runner.release();
  }
}
