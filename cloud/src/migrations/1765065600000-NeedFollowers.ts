import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/**
 * Followers of a need: the residents of duplicates merged into it (one row per need and person),
 * and an index to list what was merged into a need.
 */
export class NeedFollowers1765065600000 implements MigrationInterface {
  name = 'NeedFollowers1765065600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'need_followers',
        [col.id(), col.int('needId'), col.int('userId'), col.int('viaNeedId'), col.datetime('createdAt')],
        [{ columns: ['needId', 'userId'], unique: true }, { columns: ['userId', 'needId'] }],
      ),
    );
    await q.createIndex('needs', new TableIndex({ name: 'IX_needs_mergedIntoId', columnNames: ['mergedIntoId'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('needs', 'IX_needs_mergedIntoId');
    await q.dropTable('need_followers');
  }
}
