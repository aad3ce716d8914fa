import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from '../../../core/migration-helpers';

/**
 * The meal programme moves onto the slot engine: one slot engine for every programme.
 *
 * up: booking_slots → slots (venue = the centre; status withdrawn when a 休息日 withdrew it) +
 * slot_pools (`dine_in` and `delivery` for a meal; `seat` for an older room/consultation/visit
 * slot still kept there) + meal_sittings (price, menu, sitting); bookings → slot_bookings (holder
 * the elder, pool the mode, redeemed → checked_in, live key and standing-order request ids re-made
 * for the new slot ids) + meal_bookings (channel, price, subsidy, tier, paid by, 备注). New ids are
 * the old ones plus the target table's MAX(id), so old → new is arithmetic; a check-in code or a
 * request id that an engine booking already uses is made anew. The subject log's `booking` rows
 * become `slot-booking` rows of the new ids with the engine's events (confirmed → accepted,
 * redeemed → checked_in, delivered → checked_in noted 送达, delivery_missed → marked_absent);
 * messages about a meal booking point at its new id. Then booking_slots and bookings go.
 *
 * down: the meal sittings and their bookings go back to booking_slots and bookings under their
 * engine ids (no arithmetic needed on the way back), the log and messages likewise; an older
 * non-meal slot moved up stays on the engine (it has no meal row to tell it from a venue's).
 */
export class MealsOnSlotEngine1766102400000 implements MigrationInterface {
  name = 'MealsOnSlotEngine1766102400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'meal_sittings',
        [
          { ...col.int('slotId'), isPrimary: true },
          col.int('centreId'),
          col.str('day', 10),
          col.str('sitting', 10),
          col.str('liveSitting', 10, { isNullable: true }),
          col.int('priceFen'),
          col.str('dishes', 2000),
          col.datetime('withdrawnAt', { isNullable: true }),
        ],
        [{ columns: ['centreId', 'day', 'liveSitting'], unique: true }, { columns: ['centreId', 'day'] }],
      ),
    );
    await q.createTable(
      table(
        'meal_bookings',
        [
          { ...col.int('bookingId'), isPrimary: true },
          col.int('slotId'),
          col.str('day', 10),
          col.int('elderId'),
          col.str('channel', 12),
          col.int('priceFen'),
          col.int('subsidyFen'),
          col.int('payFen'),
          col.str('tier', 10, { isNullable: true }),
          col.str('paidBy', 10, { isNullable: true }),
          col.str('remark', 50, { isNullable: true }),
          col.str('remarkVoiceId', 255, { isNullable: true }),
          col.int('remarkVoiceSec', { isNullable: true }),
        ],
        [{ columns: ['elderId', 'day'] }, { columns: ['slotId'] }],
      ),
    );

    const offS = await maxId(q, 'slots');
    const offB = await maxId(q, 'slot_bookings');
    const cat = concat(q);

    // A code or request id an engine booking already holds is made anew (unique keys of slot_bookings).
    const clashes: { id: number; code: string; clash: number }[] = await q.query(
      `SELECT b.id AS id, b.code AS code, CASE WHEN EXISTS (SELECT 1 FROM slot_bookings x WHERE x.code = b.code) THEN 1 ELSE 0 END AS clash
         FROM bookings b
        WHERE EXISTS (SELECT 1 FROM slot_bookings x WHERE x.code = b.code)
           OR EXISTS (SELECT 1 FROM slot_bookings x WHERE x.bookedById = b.bookedById AND x.requestId = b.requestId)`,
    );
    for (const c of clashes) {
      if (Number(c.clash)) await q.query('UPDATE bookings SET code = ? WHERE id = ?', [await freshCode(q), c.id]);
      await q.query(
        `UPDATE bookings SET requestId = ${cat("'moved-'", 'id')} WHERE id = ? AND EXISTS (SELECT 1 FROM slot_bookings x WHERE x.bookedById = bookings.bookedById AND x.requestId = bookings.requestId)`,
        [c.id],
      );
    }

    await q.query(
      `INSERT INTO slots (id, kind, venueId, day, title, startsAt, endsAt, cutoffAt, opensAt, status, quotaPerWeek, waitlist, createdById, createdAt, updatedAt)
       SELECT id + ${offS}, kind, centreId, day, title, startsAt, endsAt, cutoffAt, opensAt,
              CASE WHEN withdrawnAt IS NULL THEN 'published' ELSE 'withdrawn' END, quotaPerWeek, 1, createdById, createdAt, COALESCE(withdrawnAt, createdAt)
         FROM booking_slots`,
    );
    await q.query(
      `INSERT INTO slot_pools (slotId, pool, capacity, held)
       SELECT id + ${offS}, CASE WHEN kind = 'meal' THEN 'dine_in' ELSE 'seat' END, capacityDineIn, heldDineIn FROM booking_slots`,
    );
    await q.query(
      `INSERT INTO slot_pools (slotId, pool, capacity, held)
       SELECT id + ${offS}, 'delivery', capacityDelivery, heldDelivery FROM booking_slots WHERE kind = 'meal'`,
    );
    await q.query(
      `INSERT INTO meal_sittings (slotId, centreId, day, sitting, liveSitting, priceFen, dishes, withdrawnAt)
       SELECT id + ${offS}, centreId, day, sitting, CASE WHEN withdrawnAt IS NULL THEN sitting ELSE NULL END, priceFen, dishes, withdrawnAt
         FROM booking_slots WHERE kind = 'meal'`,
    );
    await q.query(
      `INSERT INTO slot_bookings (id, slotId, venueId, pool, holderKind, holderId, status, activeKey, code, requestId, bookedById, place, purpose,
                                  waitlistedAt, offerExpiresAt, checkedInAt, checkedInById, checkedOutAt, createdAt, updatedAt)
       SELECT b.id + ${offB}, b.slotId + ${offS}, b.centreId, CASE WHEN s.kind = 'meal' THEN b.mode ELSE 'seat' END, 'elder', b.elderId,
              CASE WHEN b.status = 'redeemed' THEN 'checked_in' ELSE b.status END,
              CASE WHEN b.activeKey IS NULL THEN NULL ELSE ${cat(`b.slotId + ${offS}`, "':elder:'", 'b.elderId')} END,
              b.code, b.requestId, b.bookedById, NULL, NULL, b.waitlistedAt, b.offerExpiresAt, b.redeemedAt, b.redeemedById, NULL, b.createdAt, b.updatedAt
         FROM bookings b INNER JOIN booking_slots s ON s.id = b.slotId`,
    );
    await q.query(
      `INSERT INTO meal_bookings (bookingId, slotId, day, elderId, channel, priceFen, subsidyFen, payFen, tier, paidBy, remark, remarkVoiceId, remarkVoiceSec)
       SELECT b.id + ${offB}, b.slotId + ${offS}, s.day, b.elderId, b.channel, b.priceFen, b.subsidyFen, b.payFen, b.tier, b.paidBy, b.remark, b.remarkVoiceId, b.remarkVoiceSec
         FROM bookings b INNER JOIN booking_slots s ON s.id = b.slotId WHERE s.kind = 'meal'`,
    );
    // A standing order's request id names the slot ("standing-<order>-<slot>"): the timer finds
    // the days it already booked (or the elder cancelled) by it, so it names the new slot.
    const standing: { id: number; requestId: string }[] = await q.query(
      `SELECT id, requestId FROM slot_bookings WHERE id > ${offB} AND requestId LIKE 'standing-%'`,
    );
    for (const r of standing) {
      const m = /^standing-(\d+)-(\d+)$/.exec(r.requestId);
      if (m) await q.query('UPDATE slot_bookings SET requestId = ? WHERE id = ?', [`standing-${m[1]}-${Number(m[2]) + offS}`, r.id]);
    }

    // The subject log: engine events, new ids.
    await q.query(
      `UPDATE subject_events SET data = '{"note":"送达"}' WHERE subject_kind = 'booking' AND action = 'delivered' AND (data IS NULL OR data = '{"note":null}')`,
    );
    for (const [from, to] of EVENTS_UP) await q.query(`UPDATE subject_events SET action = ? WHERE subject_kind = 'booking' AND action = ?`, [to, from]);
    for (const c of ['from_status', 'to_status'])
      await q.query(`UPDATE subject_events SET ${c} = 'checked_in' WHERE subject_kind = 'booking' AND ${c} = 'redeemed'`);
    await q.query(`UPDATE subject_events SET subject_kind = 'slot-booking', subject_id = subject_id + ${offB} WHERE subject_kind = 'booking'`);
    // Messages about a meal booking keep their kind (they open the meal booking) and take its new id.
    await q.query(`UPDATE notifications SET subjectId = subjectId + ${offB} WHERE subjectKind = 'booking'`);

    await q.dropTable('bookings');
    await q.dropTable('booking_slots');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'booking_slots',
        [
          col.id(),
          col.int('centreId'),
          col.str('kind', 10),
          col.str('day', 10),
          col.str('sitting', 10, { isNullable: true }),
          col.str('title', 30),
          col.datetime('startsAt'),
          col.datetime('endsAt'),
          col.datetime('cutoffAt'),
          col.int('capacityDineIn'),
          col.int('capacityDelivery'),
          col.int('heldDineIn', { default: 0 }),
          col.int('heldDelivery', { default: 0 }),
          col.datetime('opensAt', { isNullable: true }),
          col.int('quotaPerWeek', { isNullable: true }),
          col.int('priceFen'),
          col.str('dishes', 2000),
          col.int('createdById'),
          col.datetime('createdAt'),
          col.datetime('withdrawnAt', { isNullable: true }),
        ],
        [{ columns: ['centreId', 'startsAt'] }, { columns: ['centreId', 'kind', 'day'] }, { columns: ['centreId', 'day', 'sitting'], unique: true }],
      ),
    );
    await q.createTable(
      table(
        'bookings',
        [
          col.id(),
          col.int('slotId'),
          col.int('centreId'),
          col.int('elderId'),
          col.str('mode', 10),
          col.str('status', 12),
          col.str('activeKey', 24, { isNullable: true }),
          col.str('code', 8),
          col.str('requestId', 64),
          col.int('bookedById'),
          col.str('channel', 12),
          col.int('priceFen'),
          col.int('subsidyFen'),
          col.int('payFen'),
          col.str('tier', 10, { isNullable: true }),
          col.datetime('waitlistedAt', { isNullable: true }),
          col.datetime('offerExpiresAt', { isNullable: true }),
          col.datetime('redeemedAt', { isNullable: true }),
          col.int('redeemedById', { isNullable: true }),
          col.str('paidBy', 10, { isNullable: true }),
          col.datetime('createdAt'),
          col.datetime('updatedAt'),
          col.str('remark', 50, { isNullable: true }),
          col.str('remarkVoiceId', 255, { isNullable: true }),
          col.int('remarkVoiceSec', { isNullable: true }),
        ],
        [
          { columns: ['activeKey'], unique: true },
          { columns: ['code'], unique: true },
          { columns: ['bookedById', 'requestId'], unique: true },
          { columns: ['slotId', 'status', 'id'] },
          { columns: ['elderId', 'id'] },
          { columns: ['status', 'offerExpiresAt'] },
        ],
      ),
    );
    const cat = concat(q);
    // Under their engine ids. A withdrawn sitting left no live row behind it: the old unique key
    // (centreId, day, sitting) held one row per meal; a withdrawn one replaced by a live one
    // keeps the live one there and the withdrawn one's bookings follow their own slot id.
    await q.query(
      `INSERT INTO booking_slots (id, centreId, kind, day, sitting, title, startsAt, endsAt, cutoffAt, capacityDineIn, capacityDelivery, heldDineIn, heldDelivery,
                                  opensAt, quotaPerWeek, priceFen, dishes, createdById, createdAt, withdrawnAt)
       SELECT s.id, m.centreId, 'meal', m.day, m.sitting, s.title, s.startsAt, s.endsAt, s.cutoffAt,
              COALESCE(d.capacity, 0), COALESCE(v.capacity, 0), COALESCE(d.held, 0), COALESCE(v.held, 0),
              s.opensAt, s.quotaPerWeek, m.priceFen, m.dishes, s.createdById, s.createdAt, m.withdrawnAt
         FROM meal_sittings m
         INNER JOIN slots s ON s.id = m.slotId
         LEFT JOIN slot_pools d ON d.slotId = s.id AND d.pool = 'dine_in'
         LEFT JOIN slot_pools v ON v.slotId = s.id AND v.pool = 'delivery'
        WHERE m.liveSitting IS NOT NULL
           OR NOT EXISTS (SELECT 1 FROM meal_sittings o WHERE o.centreId = m.centreId AND o.day = m.day AND o.sitting = m.sitting AND (o.liveSitting IS NOT NULL OR o.slotId > m.slotId))`,
    );
    await q.query(
      `INSERT INTO bookings (id, slotId, centreId, elderId, mode, status, activeKey, code, requestId, bookedById, channel, priceFen, subsidyFen, payFen, tier,
                             waitlistedAt, offerExpiresAt, redeemedAt, redeemedById, paidBy, createdAt, updatedAt, remark, remarkVoiceId, remarkVoiceSec)
       SELECT b.id, b.slotId, b.venueId, b.holderId, b.pool,
              CASE b.status WHEN 'checked_in' THEN 'redeemed' WHEN 'checked_out' THEN 'redeemed' WHEN 'withdrawn' THEN 'cancelled' ELSE b.status END,
              CASE WHEN b.activeKey IS NULL THEN NULL ELSE ${cat('b.slotId', "':'", 'b.holderId')} END,
              b.code, b.requestId, b.bookedById, m.channel, m.priceFen, m.subsidyFen, m.payFen, m.tier,
              b.waitlistedAt, b.offerExpiresAt, b.checkedInAt, b.checkedInById, m.paidBy, b.createdAt, b.updatedAt, m.remark, m.remarkVoiceId, m.remarkVoiceSec
         FROM slot_bookings b
         INNER JOIN meal_bookings m ON m.bookingId = b.id
        WHERE b.slotId IN (SELECT id FROM booking_slots)`,
    );

    const moved = 'subject_id IN (SELECT id FROM bookings)';
    await q.query(
      `UPDATE subject_events SET action = 'delivered', data = '{"note":null}'
        WHERE subject_kind = 'slot-booking' AND action = 'checked_in' AND data = '{"note":"送达"}' AND ${moved}`,
    );
    await q.query(
      `UPDATE subject_events SET action = 'delivered'
        WHERE subject_kind = 'slot-booking' AND action = 'checked_in' AND subject_id IN (SELECT id FROM bookings WHERE mode = 'delivery')`,
    );
    for (const [to, from] of EVENTS_UP)
      await q.query(`UPDATE subject_events SET action = ? WHERE subject_kind = 'slot-booking' AND action = ? AND ${moved}`, [to, from]);
    await q.query(`UPDATE subject_events SET action = 'cancelled' WHERE subject_kind = 'slot-booking' AND action = 'withdrawn' AND ${moved}`);
    for (const c of ['from_status', 'to_status']) {
      await q.query(`UPDATE subject_events SET ${c} = 'redeemed' WHERE subject_kind = 'slot-booking' AND ${c} IN ('checked_in', 'checked_out') AND ${moved}`);
      await q.query(`UPDATE subject_events SET ${c} = 'cancelled' WHERE subject_kind = 'slot-booking' AND ${c} = 'withdrawn' AND ${moved}`);
    }
    await q.query(`UPDATE subject_events SET subject_kind = 'booking' WHERE subject_kind = 'slot-booking' AND ${moved}`);

    // A withdrawn sitting the old key has no room for (a live one took its day and meal) goes, with its bookings.
    await q.query('DELETE FROM slot_bookings WHERE slotId IN (SELECT slotId FROM meal_sittings)');
    await q.query('DELETE FROM slot_pools WHERE slotId IN (SELECT slotId FROM meal_sittings)');
    await q.query('DELETE FROM slots WHERE id IN (SELECT slotId FROM meal_sittings)');
    await q.dropTable('meal_bookings');
    await q.dropTable('meal_sittings');
  }
}

/** The meal machine's events → the engine machine's (the rest keep their names). */
const EVENTS_UP: readonly (readonly [string, string])[] = [
  ['confirmed', 'accepted'],
  ['redeemed', 'checked_in'],
  ['delivered', 'checked_in'],
  ['delivery_missed', 'marked_absent'],
];

async function maxId(q: QueryRunner, tableName: string): Promise<number> {
  const rows: { n: number | string | null }[] = await q.query(`SELECT MAX(id) AS n FROM ${tableName}`);
  return Number(rows[0]?.n ?? 0);
}

/** String concatenation in either dialect (SQLite `||`, MySQL/MariaDB CONCAT). */
function concat(q: QueryRunner): (...parts: string[]) => string {
  const sqlite = q.connection.options.type === 'better-sqlite3';
  return (...parts) => (sqlite ? `(${parts.map((p) => `CAST(${p} AS TEXT)`).join(' || ')})` : `CONCAT(${parts.join(', ')})`);
}

/** A check-in code no engine booking holds (same alphabet and length as the engine's). */
async function freshCode(q: QueryRunner): Promise<string> {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  for (;;) {
    let code = '';
    for (let i = 0; i < 6; i++) code += alphabet[Math.floor(Math.random() * alphabet.length)];
    const taken: unknown[] = await q.query('SELECT 1 FROM slot_bookings WHERE code = ? UNION ALL SELECT 1 FROM bookings WHERE code = ?', [code, code]);
    if (!taken.length) return code;
  }
}
