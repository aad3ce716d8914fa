import { SubjectEvents1765411200000 } from '../../cloud/src/migrations/1765411200000-SubjectEvents';
import { createTestDb, DIALECTS, type TestDb } from '../db';

jest.setTimeout(60_000);

/**
 * The migration that folds need_events, booking_events and membership_events into subject_events:
 * down recreates the three tables from the log, up copies every row back in (with its data JSON)
 * and drops them. Run directly on a migrated database, on both dialects.
 */
describe.each(DIALECTS)('the SubjectEvents migration on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('moves every row of the three event tables into subject_events and back', async () => {
    const migration = new SubjectEvents1765411200000();
    const q = db.ds.createQueryRunner();
    try {
      await migration.down(q);
      // The seed's verified bindings came back as membership_events.
      const seeded = Number((await q.query('SELECT COUNT(*) AS n FROM membership_events'))[0].n);
      expect(seeded).toBeGreaterThan(0);
      const at = '2025-12-01 08:00:00.000';
      await q.query('INSERT INTO need_events (needId, type, actorId, fromStatus, toStatus, level, note, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        901, 'created', 5, null, 'submitted', 'building', null, at,
      ]);
      await q.query('INSERT INTO need_events (needId, type, actorId, fromStatus, toStatus, level, note, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        901, 'escalated', null, null, null, 'compound', '超时未接单 "引号"', at,
      ]);
      await q.query('INSERT INTO booking_events (bookingId, type, actorId, fromStatus, toStatus, note, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        77, 'cancelled', 6, 'booked', 'cancelled', null, at,
      ]);
      await q.query('INSERT INTO membership_events (membershipId, actorId, fromStatus, toStatus, note, createdAt) VALUES (?, ?, ?, ?, ?, ?)', [
        55, 7, 'rejected', 'pending', null, at,
      ]);
      await q.query('INSERT INTO membership_events (membershipId, actorId, fromStatus, toStatus, note, createdAt) VALUES (?, ?, ?, ?, ?, ?)', [
        55, 8, 'pending', 'rejected', '信息不符', at,
      ]);

      await migration.up(q);
      for (const t of ['need_events', 'booking_events', 'membership_events']) expect(await q.hasTable(t)).toBe(false);
      const rows = await q.query(
        "SELECT subject_kind AS k, subject_id AS s, action AS a, from_status AS f, to_status AS t, actor_id AS who, data FROM subject_events WHERE subject_id IN (901, 77, 55) AND subject_kind IN ('need', 'booking', 'membership') ORDER BY id",
      );
      expect(rows.map((r: Record<string, unknown>) => ({ ...r, s: Number(r.s), who: r.who === null ? null : Number(r.who), data: r.data ? JSON.parse(String(r.data)) : null }))).toEqual([
        { k: 'need', s: 901, a: 'created', f: null, t: 'submitted', who: 5, data: { level: 'building' } },
        { k: 'need', s: 901, a: 'escalated', f: null, t: null, who: null, data: { level: 'compound', note: '超时未接单 "引号"' } },
        { k: 'booking', s: 77, a: 'cancelled', f: 'booked', t: 'cancelled', who: 6, data: null },
        { k: 'membership', s: 55, a: 'reapplied', f: 'rejected', t: 'pending', who: 7, data: null },
        { k: 'membership', s: 55, a: 'rejected', f: 'pending', t: 'rejected', who: 8, data: { note: '信息不符' } },
      ]);
      const membership = Number((await q.query("SELECT COUNT(*) AS n FROM subject_events WHERE subject_kind = 'membership'"))[0].n);
      expect(membership).toBe(seeded + 2);
    } finally {
      await q.release();
    }
  });
});
