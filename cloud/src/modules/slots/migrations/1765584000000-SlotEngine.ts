import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from '../../../core/migration-helpers';

/** The slot engine's tables: slots, their seat pools, bookings by holder, closed days. */
export class SlotEngine1765584000000 implements MigrationInterface {
  name = 'SlotEngine1765584000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'slots',
        [
          col.id(),
          col.str('kind', 12),
          col.int('venueId'),
          col.str('day', 10),
          col.str('title', 30),
          col.datetime('startsAt'),
          col.datetime('endsAt'),
          col.datetime('cutoffAt'),
          col.datetime('opensAt', { isNullable: true }),
          col.str('status', 12),
          col.int('createdById'),
          col.datetime('createdAt'),
          col.datetime('updatedAt'),
        ],
        [{ columns: ['venueId', 'day'] }, { columns: ['venueId', 'kind', 'startsAt'] }, { columns: ['status', 'endsAt'] }],
      ),
    );
    await q.createTable(
      table(
        'slot_pools',
        [col.id(), col.int('slotId'), col.str('pool', 12), col.int('capacity'), col.int('held', { default: 0 })],
        [{ columns: ['slotId', 'pool'], unique: true }],
      ),
    );
    await q.createTable(
      table(
        'slot_bookings',
        [
          col.id(),
          col.int('slotId'),
          col.int('venueId'),
          col.str('pool', 12),
          col.str('holderKind', 8),
          col.int('holderId'),
          col.str('status', 12),
          col.str('activeKey', 40, { isNullable: true }),
          col.str('code', 8),
          col.str('requestId', 64),
          col.int('bookedById'),
          col.str('place', 100, { isNullable: true }),
          col.str('purpose', 200, { isNullable: true }),
          col.datetime('waitlistedAt', { isNullable: true }),
          col.datetime('offerExpiresAt', { isNullable: true }),
          col.datetime('checkedInAt', { isNullable: true }),
          col.int('checkedInById', { isNullable: true }),
          col.datetime('checkedOutAt', { isNullable: true }),
          col.datetime('createdAt'),
          col.datetime('updatedAt'),
        ],
        [
          { columns: ['activeKey'], unique: true },
          { columns: ['code'], unique: true },
          { columns: ['bookedById', 'requestId'], unique: true },
          { columns: ['slotId', 'status', 'id'] },
          { columns: ['holderKind', 'holderId', 'id'] },
          { columns: ['bookedById', 'id'] },
          { columns: ['status', 'offerExpiresAt'] },
        ],
      ),
    );
    await q.createTable(
      table(
        'slot_closed_days',
        [col.id(), col.int('venueId'), col.str('day', 10), col.str('reason', 60), col.int('closedById'), col.datetime('closedAt')],
        [{ columns: ['venueId', 'day'], unique: true }],
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['slot_closed_days', 'slot_bookings', 'slot_pools', 'slots']) await q.dropTable(t);
  }
}
