import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * 搜索 at city scale: the first need of the search window is found by one seek on createdAt, and
 * its id bounds every work list's index walk (queries/work-list.ts, searchWindow).
 */
export class NeedsCreatedAtIndex1765920000000 implements MigrationInterface {
  name = 'NeedsCreatedAtIndex1765920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('needs', new TableIndex({ name: 'IX_needs_createdAt', columnNames: ['createdAt'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('needs', 'IX_needs_createdAt');
  }
}
