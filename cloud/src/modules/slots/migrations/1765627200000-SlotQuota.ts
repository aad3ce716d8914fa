import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, table } from '../../../core/migration-helpers';

/** A slot's weekly quota per holder ("one consultation a week") and the holders' lock rows. */
export class SlotQuota1765627200000 implements MigrationInterface {
  name = 'SlotQuota1765627200000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('slots', new TableColumn(col.int('quotaPerWeek', { isNullable: true })));
    await q.createTable(
      table('slot_holders', [col.id(), col.str('holderKind', 8), col.int('holderId'), col.int('seq', { default: 0 })], [{ columns: ['holderKind', 'holderId'], unique: true }]),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('slot_holders');
    await q.dropColumn('slots', 'quotaPerWeek');
  }
}
