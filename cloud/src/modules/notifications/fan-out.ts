import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { clock } from '../../core/clock';
import { Notification } from './notification.entity';
import { bodyOf, type Message, TITLE_MAX } from './notifier';

/**
 * Who a fan-out reaches: a select (from the module that knows them, through its public function)
 * whose rows carry a `userId` column, or the ids themselves.
 */
export type Audience = SelectQueryBuilder<object> | readonly number[];

/**
 * A fan-out message (a city's residents): the in-app rows are written in ONE statement whatever the
 * number of recipients — `INSERT … SELECT DISTINCT` over the audience's query, or one multi-row
 * INSERT for a list of ids — inside the caller's transaction. No WeChat push: a push per resident
 * inside a request would outlast it, so fan-outs stay in-app until an outbox carries pushes
 * outside the request. Returns how many people were written to.
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
    await em.insert(
      Notification,
      ids.map((userId) => ({ userId, title, body, subjectKind, subjectId, readAt: null, createdAt: now })),
    );
    return ids.length;
  }
  const [select, params] = (audience as SelectQueryBuilder<object>).getQueryAndParameters();
  const meta = em.connection.getMetadata(Notification);
  const driver = em.connection.driver;
  const createdAt = driver.preparePersistentValue(now, meta.findColumnWithPropertyName('createdAt')!);
  const q = (name: string) => driver.escape(name);
  const columns = ['userId', 'title', 'body', 'subjectKind', 'subjectId', 'readAt', 'createdAt'].map(q).join(', ');
  const sql = `INSERT INTO ${q(meta.tableName)} (${columns}) SELECT DISTINCT a.${q('userId')}, ?, ?, ?, ?, NULL, ? FROM (${select}) a`;
  // The caller's transaction runner (its structured result says how many rows were written).
  const own = !em.queryRunner;
  const runner = em.queryRunner ?? em.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, [title, body, subjectKind, subjectId, createdAt, ...params], true);
    return Number(result.affected ?? 0);
  } finally {
    if (own) await runner.release();
  }
}
