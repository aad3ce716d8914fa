import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/**
 * One subject log. `subject_events` takes every event row of every machine (core's
 * `transition()` writes it) and the events that change no state; `data` is JSON in a TEXT column.
 *
 * The three event tables are copied in (each in id order, so every subject's history keeps its
 * order) and dropped: a kept table would be a second, stale history that a future reader could
 * mistake for the real one. `down` recreates them as they were and copies their rows back (the
 * kinds that had no table before — family links, standing orders, rating periods and comments —
 * have nowhere to go and are dropped with the log). Membership rows had no event name: it is derived from the
 * statuses (null → pending `applied`, rejected → pending `reapplied`, otherwise the new status).
 * JSON is built by the database (`JSON_OBJECT`, which MySQL, MariaDB and SQLite all have), so the
 * copy is one INSERT … SELECT per table and datetimes move untouched.
 */
export class SubjectEvents1765411200000 implements MigrationInterface {
  name = 'SubjectEvents1765411200000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'subject_events',
        [
          col.id(),
          col.str('subject_kind', 24),
          col.int('subject_id'),
          col.str('action', 24),
          col.str('from_status', 16, { isNullable: true }),
          col.str('to_status', 16, { isNullable: true }),
          col.int('actor_id', { isNullable: true }),
          col.datetime('at'),
          { name: 'data', type: 'text', isNullable: true },
        ],
        [{ columns: ['subject_kind', 'subject_id', 'id'] }],
      ),
    );
    const e = (name: string) => q.connection.driver.escape(name);
    const into = `INSERT INTO subject_events (${['subject_kind', 'subject_id', 'action', 'from_status', 'to_status', 'actor_id', 'at', 'data'].map(e).join(', ')})`;
    const note = `CASE WHEN ${e('note')} IS NULL THEN NULL ELSE JSON_OBJECT('note', ${e('note')}) END`;
    await q.query(
      `${into} SELECT 'need', ${e('needId')}, ${e('type')}, ${e('fromStatus')}, ${e('toStatus')}, ${e('actorId')}, ${e('createdAt')},
         CASE WHEN ${e('level')} IS NULL THEN ${note}
              WHEN ${e('note')} IS NULL THEN JSON_OBJECT('level', ${e('level')})
              ELSE JSON_OBJECT('level', ${e('level')}, 'note', ${e('note')}) END
       FROM need_events ORDER BY ${e('id')}`,
    );
    await q.query(
      `${into} SELECT 'booking', ${e('bookingId')}, ${e('type')}, ${e('fromStatus')}, ${e('toStatus')}, ${e('actorId')}, ${e('createdAt')}, ${note}
       FROM booking_events ORDER BY ${e('id')}`,
    );
    await q.query(
      `${into} SELECT 'membership', ${e('membershipId')},
         CASE WHEN ${e('toStatus')} = 'pending' AND ${e('fromStatus')} IS NULL THEN 'applied'
              WHEN ${e('toStatus')} = 'pending' THEN 'reapplied'
              ELSE ${e('toStatus')} END,
         ${e('fromStatus')}, ${e('toStatus')}, ${e('actorId')}, ${e('createdAt')}, ${note}
       FROM membership_events ORDER BY ${e('id')}`,
    );
    for (const t of ['need_events', 'booking_events', 'membership_events']) await q.dropTable(t);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'need_events',
        [
          col.id(),
          col.int('needId'),
          col.str('type', 16),
          col.int('actorId', { isNullable: true }),
          col.str('fromStatus', 16, { isNullable: true }),
          col.str('toStatus', 16, { isNullable: true }),
          col.str('level', 10, { isNullable: true }),
          col.str('note', 500, { isNullable: true }),
          col.datetime('createdAt'),
        ],
        [{ columns: ['needId', 'id'] }],
      ),
    );
    await q.createTable(
      table(
        'booking_events',
        [
          col.id(),
          col.int('bookingId'),
          col.str('type', 16),
          col.int('actorId', { isNullable: true }),
          col.str('fromStatus', 12, { isNullable: true }),
          col.str('toStatus', 12, { isNullable: true }),
          col.str('note', 200, { isNullable: true }),
          col.datetime('createdAt'),
        ],
        [{ columns: ['bookingId', 'id'] }],
      ),
    );
    await q.createTable(
      table(
        'membership_events',
        [
          col.id(),
          col.int('membershipId'),
          col.int('actorId'),
          col.str('fromStatus', 10, { isNullable: true }),
          col.str('toStatus', 10),
          col.str('note', 200, { isNullable: true }),
          col.datetime('createdAt'),
        ],
        [{ columns: ['membershipId'] }],
      ),
    );
    const e = (name: string) => q.connection.driver.escape(name);
    // SQLite's json_extract answers text unquoted; MySQL and MariaDB need JSON_UNQUOTE.
    const field = (key: string) =>
      q.connection.driver.options.type === 'better-sqlite3' ? `json_extract(${e('data')}, '$.${key}')` : `JSON_UNQUOTE(JSON_EXTRACT(${e('data')}, '$.${key}'))`;
    const cols = (...names: string[]) => names.map(e).join(', ');
    const from = (kind: string) => `FROM subject_events WHERE ${e('subject_kind')} = '${kind}' ORDER BY ${e('id')}`;
    await q.query(
      `INSERT INTO need_events (${cols('needId', 'type', 'actorId', 'fromStatus', 'toStatus', 'level', 'note', 'createdAt')})
       SELECT ${cols('subject_id', 'action', 'actor_id', 'from_status', 'to_status')}, ${field('level')}, ${field('note')}, ${e('at')} ${from('need')}`,
    );
    await q.query(
      `INSERT INTO booking_events (${cols('bookingId', 'type', 'actorId', 'fromStatus', 'toStatus', 'note', 'createdAt')})
       SELECT ${cols('subject_id', 'action', 'actor_id', 'from_status', 'to_status')}, ${field('note')}, ${e('at')} ${from('booking')}`,
    );
    await q.query(
      `INSERT INTO membership_events (${cols('membershipId', 'actorId', 'fromStatus', 'toStatus', 'note', 'createdAt')})
       SELECT ${cols('subject_id', 'actor_id', 'from_status', 'to_status')}, ${field('note')}, ${e('at')} ${from('membership')}`,
    );
    await q.dropTable('subject_events');
  }
}
