import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from '../../../core/migration-helpers';

/**
 * Elders without a mobile phone: a landline or a guardian's contact instead; and the elder's home
 * down to the building (compound, building, unit when known from a household), so the heads of
 * that building may book for her (代订) under the same proxy rule as needs' 代办.
 */
export class ElderContactsAndPlace1765670400000 implements MigrationInterface {
  name = 'ElderContactsAndPlace1765670400000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('elders', [
      new TableColumn(col.str('landline', 16, { isNullable: true })),
      new TableColumn(col.str('guardianName', 20, { isNullable: true })),
      new TableColumn(col.str('guardianPhone', 11, { isNullable: true })),
      new TableColumn(col.int('compoundId', { isNullable: true })),
      new TableColumn(col.int('buildingId', { isNullable: true })),
      new TableColumn(col.int('unitId', { isNullable: true })),
    ]);
    await q.createIndex('elders', new TableIndex({ name: 'IX_elders_buildingId', columnNames: ['buildingId'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('elders', 'IX_elders_buildingId');
    for (const c of ['unitId', 'buildingId', 'compoundId', 'guardianPhone', 'guardianName', 'landline']) await q.dropColumn('elders', c);
  }
}
