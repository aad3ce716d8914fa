import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './helpers';

/**
 * The ladder's own clock. Escalating used to push acceptDueAt/resolveDueAt forward, so an escalated
 * need looked on time again (只看超时, the dashboard). Those stay the real SLA deadlines now; when an
 * overdue need may climb again is kept in nextEscalationAt (null: at the deadline itself).
 */
export class NeedEscalationClock1764892800000 implements MigrationInterface {
  name = 'NeedEscalationClock1764892800000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('needs', new TableColumn(col.datetime('nextEscalationAt', { isNullable: true })));
    await q.createIndex('needs', new TableIndex({ name: 'IX_needs_status_nextEscalationAt', columnNames: ['status', 'nextEscalationAt'] }));
    // 升级待办 of a building head walks their building's needs newest first.
    await q.createIndex('needs', new TableIndex({ name: 'IX_needs_buildingId_id', columnNames: ['buildingId', 'id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('needs', 'IX_needs_buildingId_id');
    await q.dropIndex('needs', 'IX_needs_status_nextEscalationAt');
    await q.dropColumn('needs', 'nextEscalationAt');
  }
}
