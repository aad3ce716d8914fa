import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { maskPersonalData } from '@hg/types/privacy';
import { col } from './helpers';

/**
 * Ratings that hold: `rating_periods.openSlot` ('open' while open, unique) makes "one open period
 * at a time" a key instead of a check; `household_ratings.commentPublic` is what others read of a
 * comment (personal data masked), with who last masked a fragment by hand. Existing comments get
 * their public text now; of periods already open, only the newest takes the slot.
 */
export class RatingsIntegrity1765152000000 implements MigrationInterface {
  name = 'RatingsIntegrity1765152000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('rating_periods', new TableColumn(col.str('openSlot', 4, { isNullable: true })));
    const open: { id: number }[] = await q.query(`SELECT id FROM rating_periods WHERE status = 'open' ORDER BY id DESC`);
    if (open.length) await q.query(`UPDATE rating_periods SET openSlot = 'open' WHERE id = ?`, [open[0].id]);
    await q.createIndex('rating_periods', new TableIndex({ name: 'UQ_rating_periods_openSlot', columnNames: ['openSlot'], isUnique: true }));

    await q.addColumn('household_ratings', new TableColumn(col.str('commentPublic', 400, { default: "''" })));
    await q.addColumn('household_ratings', new TableColumn(col.int('maskedById', { isNullable: true })));
    await q.addColumn('household_ratings', new TableColumn(col.datetime('maskedAt', { isNullable: true })));
    const rows: { id: number; comment: string }[] = await q.query(`SELECT id, comment FROM household_ratings WHERE comment <> ''`);
    for (const r of rows) await q.query(`UPDATE household_ratings SET commentPublic = ? WHERE id = ?`, [maskPersonalData(r.comment), r.id]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('household_ratings', 'maskedAt');
    await q.dropColumn('household_ratings', 'maskedById');
    await q.dropColumn('household_ratings', 'commentPublic');
    await q.dropIndex('rating_periods', 'UQ_rating_periods_openSlot');
    await q.dropColumn('rating_periods', 'openSlot');
  }
}
