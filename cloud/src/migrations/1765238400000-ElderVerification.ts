import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/**
 * Elders' data behind the centre's word. `elders.verifiedById` / `verifiedAt`: who of the centre's
 * staff verified the declared age, 独居 and 低保, and when — only a verified status earns a subsidy.
 * Profiles staff registered (a walk-in: `userId` null or not the creator) were entered by staff
 * from the documents, so they count as verified by their creator at registration; profiles elders
 * registered themselves stay pending until staff verify them.
 *
 * `elder_link_attempts` records every 家属关联 try (matched or not) — the misses are what the
 * per-applicant and per-elder limits count — and `elder_link_targets` holds one lock row per named
 * elder at a centre, bumped first by every try so the per-elder limit holds under parallel calls
 * on MySQL.
 */
export class ElderVerification1765238400000 implements MigrationInterface {
  name = 'ElderVerification1765238400000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('elders', new TableColumn(col.int('verifiedById', { isNullable: true })));
    await q.addColumn('elders', new TableColumn(col.datetime('verifiedAt', { isNullable: true })));
    await q.query('UPDATE elders SET verifiedById = createdById, verifiedAt = createdAt WHERE userId IS NULL OR userId <> createdById');
    await q.createTable(
      table(
        'elder_link_attempts',
        [col.id(), col.int('userId'), col.int('centreId'), col.str('elderName', 20), col.bool('matched', false), col.datetime('createdAt')],
        [{ columns: ['userId', 'createdAt'] }, { columns: ['centreId', 'elderName', 'createdAt'] }],
      ),
    );
    await q.createTable(
      table(
        'elder_link_targets',
        [col.id(), col.int('centreId'), col.str('elderName', 20), col.int('n', { default: 0 }), col.datetime('updatedAt')],
        [{ columns: ['centreId', 'elderName'], unique: true }],
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('elder_link_targets');
    await q.dropTable('elder_link_attempts');
    await q.dropColumn('elders', 'verifiedAt');
    await q.dropColumn('elders', 'verifiedById');
  }
}
