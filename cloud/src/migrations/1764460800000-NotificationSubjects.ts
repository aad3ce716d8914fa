import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './helpers';

/**
 * Messages point at any subject, not only needs: `needId` becomes `{ subjectKind, subjectId }`.
 * Existing rows are carried over as subjectKind = 'need'.
 */
export class NotificationSubjects1764460800000 implements MigrationInterface {
  name = 'NotificationSubjects1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('notifications', [
      new TableColumn(col.str('subjectKind', 20, { isNullable: true })),
      new TableColumn(col.int('subjectId', { isNullable: true })),
    ]);
    await q.query(`UPDATE notifications SET subjectKind = 'need', subjectId = needId WHERE needId IS NOT NULL`);
    await q.dropColumn('notifications', 'needId');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.addColumn('notifications', new TableColumn(col.int('needId', { isNullable: true })));
    await q.query(`UPDATE notifications SET needId = subjectId WHERE subjectKind = 'need'`);
    await q.dropColumn('notifications', 'subjectId');
    await q.dropColumn('notifications', 'subjectKind');
  }
}
