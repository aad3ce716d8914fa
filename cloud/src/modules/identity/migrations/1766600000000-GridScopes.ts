import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from '../../../core/migration-helpers';

const ended = [
  col.datetime('endedAt', { isNullable: true }),
  col.int('endedById', { isNullable: true }),
  col.str('endReason', 200, { isNullable: true }),
];

/**
 * The kernel's half of the red grids: grid_coverage (a building or unit in a grid) and
 * grid_assignments (a grid worker on a grid), both with dated history; `active` (1, NULL once
 * ended) in their unique keys keeps one live row per place and grid, and per worker and grid.
 */
export class GridScopes1766600000000 implements MigrationInterface {
  name = 'GridScopes1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'grid_coverage',
        [
          col.id(),
          col.int('gridId'),
          col.int('communityId'),
          col.int('buildingId'),
          col.int('unitId', { default: 0 }),
          col.int('active', { isNullable: true, default: 1 }),
          col.int('addedById'),
          col.datetime('addedAt'),
          ...ended,
        ],
        [{ columns: ['gridId', 'buildingId', 'unitId', 'active'], unique: true }, { columns: ['communityId', 'endedAt'] }],
      ),
    );
    await q.createTable(
      table(
        'grid_assignments',
        [
          col.id(),
          col.int('gridId'),
          col.int('communityId'),
          col.int('userId'),
          col.int('active', { isNullable: true, default: 1 }),
          col.int('assignedById'),
          col.datetime('assignedAt'),
          col.str('note', 200, { isNullable: true }),
          ...ended,
        ],
        [{ columns: ['gridId', 'userId', 'active'], unique: true }, { columns: ['userId', 'endedAt'] }],
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('grid_assignments');
    await q.dropTable('grid_coverage');
  }
}
