import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from '../../../core/migration-helpers';

/**
 * Per-person messages ahead of fan-outs in the push outbox: `pushPriority` 0 for a message to its
 * people (a need's 派单, a booking's change), 1 for a fan-out (a period opened for a city's
 * residents); the sender reads due rows by (pushState, pushPriority, pushAfter), so a 派单 written
 * behind 10,000 fan-out rows goes out in the next batch. Rows from before are 0.
 */
export class PushPriority1766200000000 implements MigrationInterface {
  name = 'PushPriority1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('notifications', new TableColumn(col.int('pushPriority', { default: 0 })));
    await q.dropIndex('notifications', 'IX_notifications_pushState_pushAfter');
    await q.createIndex(
      'notifications',
      new TableIndex({ name: 'IX_notifications_pushState_pushPriority_pushAfter', columnNames: ['pushState', 'pushPriority', 'pushAfter'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('notifications', 'IX_notifications_pushState_pushPriority_pushAfter');
    await q.createIndex('notifications', new TableIndex({ name: 'IX_notifications_pushState_pushAfter', columnNames: ['pushState', 'pushAfter'] }));
    await q.dropColumn('notifications', 'pushPriority');
  }
}
