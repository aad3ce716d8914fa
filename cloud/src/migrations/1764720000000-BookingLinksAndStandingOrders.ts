import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/**
 * Family members linked to elders (applied for, verified by the centre), and standing orders
 * ("every weekday lunch, delivered") with the days they could not be booked.
 */
export class BookingLinksAndStandingOrders1764720000000 implements MigrationInterface {
  name = 'BookingLinksAndStandingOrders1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'elder_links',
        [
          col.id(),
          col.int('elderId'),
          col.int('centreId'),
          col.int('userId'),
          col.str('relationNote', 10),
          col.str('status', 10),
          col.int('decidedById', { isNullable: true }),
          col.datetime('decidedAt', { isNullable: true }),
          col.datetime('createdAt'),
        ],
        [{ columns: ['elderId', 'userId'], unique: true }, { columns: ['centreId', 'status', 'id'] }, { columns: ['userId', 'status'] }],
      ),
    );
    await q.createTable(
      table(
        'standing_orders',
        [
          col.id(),
          col.int('elderId'),
          col.int('centreId'),
          col.str('sitting', 10),
          col.str('weekdays', 20),
          col.str('mode', 10),
          col.str('status', 10),
          col.str('missed', 200),
          col.int('createdById'),
          col.datetime('createdAt'),
          col.datetime('updatedAt'),
        ],
        [{ columns: ['elderId', 'sitting'], unique: true }, { columns: ['centreId', 'status'] }],
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('standing_orders');
    await q.dropTable('elder_links');
  }
}
