import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/**
 * Centre bookings: elders registered with a centre, slots (meal sittings, rooms, consultations,
 * visits) with their seat counters, bookings and their history. Seats are never oversold: the
 * counters move by conditional updates in the booking's transaction, and `activeKey` (slot +
 * elder, null once a booking ends) is unique, so one elder holds one live booking per slot.
 */
export class Bookings1764633600000 implements MigrationInterface {
  name = 'Bookings1764633600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'elders',
        [
          col.id(),
          col.int('centreId'),
          col.int('streetId'),
          col.int('communityId'),
          col.int('userId', { isNullable: true }),
          col.int('householdId', { isNullable: true }),
          col.str('name', 20),
          col.str('phone', 11, { isNullable: true }),
          col.str('address', 60),
          col.int('birthYear'),
          col.bool('livesAlone', false),
          col.bool('dibao', false),
          col.int('bookingSeq', { default: 0 }),
          col.str('diets', 60),
          col.str('allergies', 100),
          col.int('createdById'),
          col.datetime('createdAt'),
        ],
        [{ columns: ['centreId', 'userId'], unique: true }, { columns: ['centreId', 'name'] }, { columns: ['userId'] }],
      ),
    );
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
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['booking_events', 'bookings', 'booking_slots', 'elders']) await q.dropTable(t);
  }
}
