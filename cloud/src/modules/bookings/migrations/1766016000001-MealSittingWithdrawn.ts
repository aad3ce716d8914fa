import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from '../../../core/migration-helpers';

/**
 * When a 休息日 withdrew a meal sitting (booking_slots.withdrawnAt), so a reopened day keeps its
 * withdrawn sittings withdrawn and a new sitting can take their place. Sittings on days closed
 * before this column existed were withdrawn at their (moved) cut-off: they are marked so.
 */
export class MealSittingWithdrawn1766016000001 implements MigrationInterface {
  name = 'MealSittingWithdrawn1766016000001';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('booking_slots', new TableColumn(col.datetime('withdrawnAt', { isNullable: true })));
    await q.query(
      `UPDATE booking_slots SET withdrawnAt = cutoffAt WHERE kind = 'meal'
         AND EXISTS (SELECT 1 FROM slot_closed_days c WHERE c.venueId = booking_slots.centreId AND c.day = booking_slots.day)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('booking_slots', 'withdrawnAt');
  }
}
