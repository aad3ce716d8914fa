import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from '../../../core/migration-helpers';

const HEADS = ['compound_head', 'building_head', 'unit_head'];
const OLD_UNIQUE = 'UQ_role_assignments_userId_role_scopeLevel_scopeId_organisationI';

/**
 * Appointments with dated history on role_assignments: who appointed a post and when, and once
 * ended, who ended it, when and why (the row stays). `active` (1, NULL once ended) joins the
 * holder's unique key, so a post can be held again after it ended; `headScopeId` (the place, only
 * on an active head's row) is unique per head role: one 小区长/楼栋长/单元长 per place. Rows from
 * before are active; of several heads already on one place (none in the demo city) the first keeps
 * the place's key.
 */
export class Appointments1766300000000 implements MigrationInterface {
  name = 'Appointments1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('role_assignments', [
      new TableColumn(col.int('active', { isNullable: true, default: 1 })),
      new TableColumn(col.int('headScopeId', { isNullable: true })),
      new TableColumn(col.int('appointedById', { isNullable: true })),
      new TableColumn(col.datetime('appointedAt', { isNullable: true })),
      new TableColumn(col.str('note', 200, { isNullable: true })),
      new TableColumn(col.datetime('endedAt', { isNullable: true })),
      new TableColumn(col.int('endedById', { isNullable: true })),
      new TableColumn(col.str('endReason', 200, { isNullable: true })),
    ]);
    const heads: { id: number | string; role: string; scopeId: number | string }[] = await q.query(
      `SELECT id, role, scopeId FROM role_assignments WHERE role IN (${HEADS.map(() => '?').join(', ')}) ORDER BY id`,
      HEADS,
    );
    const seen = new Set<string>();
    for (const h of heads) {
      const key = `${h.role}:${h.scopeId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      await q.query('UPDATE role_assignments SET headScopeId = scopeId WHERE id = ?', [Number(h.id)]);
    }
    await q.dropIndex('role_assignments', OLD_UNIQUE);
    await q.createIndex(
      'role_assignments',
      new TableIndex({
        name: 'UQ_role_assignments_holder_active',
        columnNames: ['userId', 'role', 'scopeLevel', 'scopeId', 'organisationId', 'active'],
        isUnique: true,
      }),
    );
    await q.createIndex('role_assignments', new TableIndex({ name: 'UQ_role_assignments_role_headScopeId', columnNames: ['role', 'headScopeId'], isUnique: true }));
  }

  /** Ended posts are deleted going down: without `active` the old key holds a post once, ever. */
  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM role_assignments WHERE endedAt IS NOT NULL');
    await q.dropIndex('role_assignments', 'UQ_role_assignments_role_headScopeId');
    await q.dropIndex('role_assignments', 'UQ_role_assignments_holder_active');
    await q.createIndex(
      'role_assignments',
      new TableIndex({ name: OLD_UNIQUE, columnNames: ['userId', 'role', 'scopeLevel', 'scopeId', 'organisationId'], isUnique: true }),
    );
    for (const c of ['endReason', 'endedById', 'endedAt', 'note', 'appointedAt', 'appointedById', 'headScopeId', 'active']) await q.dropColumn('role_assignments', c);
  }
}
