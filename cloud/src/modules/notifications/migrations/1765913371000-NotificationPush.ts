import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from '../../../core/migration-helpers';

/**
 * The outbox: a message's WeChat push becomes columns of its in-app row, written in the same
 * statement, sent by a timer job outside any request. Rows from before stay in-app only
 * (pushState NULL): their pushes were sent, best effort, by the request that wrote them.
 */
export class NotificationPush1765913371000 implements MigrationInterface {
  name = 'NotificationPush1765913371000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('notifications', [
      new TableColumn(col.str('pushKind', 20, { isNullable: true })),
      new TableColumn(col.str('pushState', 10, { isNullable: true })),
      new TableColumn(col.int('pushAttempts', { default: 0 })),
      new TableColumn(col.datetime('pushAfter', { isNullable: true })),
      new TableColumn(col.str('pushError', 60, { isNullable: true })),
    ]);
    await q.createIndex('notifications', new TableIndex({ name: 'IX_notifications_pushState_pushAfter', columnNames: ['pushState', 'pushAfter'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('notifications', 'IX_notifications_pushState_pushAfter');
    for (const c of ['pushError', 'pushAfter', 'pushAttempts', 'pushState', 'pushKind']) await q.dropColumn('notifications', c);
  }
}
