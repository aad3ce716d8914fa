import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from '../../../core/migration-helpers';

/** Red grids and their visit log: grids, grid_visits, grid_findings, grid_visit_corrections, grid_visit_voice_notes, and planned visits (grid_targets, grid_plans). */
export class Grids1766600000100 implements MigrationInterface {
  name = 'Grids1766600000100';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'grids',
        [col.id(), col.int('streetId'), col.int('communityId'), col.str('kind', 12), col.str('name', 30), col.int('createdById'), col.datetime('createdAt')],
        [{ columns: ['communityId'] }],
      ),
    );
    await q.createTable(
      table(
        'grid_visits',
        [
          col.id(),
          col.int('gridId'),
          col.int('communityId'),
          col.int('workerId'),
          col.str('requestId', 64),
          col.int('householdId', { isNullable: true }),
          col.int('buildingId'),
          col.int('unitId', { default: 0 }),
          col.str('kind', 12),
          col.str('way', 8),
          col.datetime('visitedAt'),
          col.int('minutes'),
          { name: 'contactMade', type: 'boolean' },
          col.str('notes', 500, { default: "''" }),
          { name: 'photoIds', type: 'text' },
          col.datetime('createdAt'),
          col.datetime('lockedAt'),
          col.datetime('updatedAt', { isNullable: true }),
        ],
        [{ columns: ['workerId', 'requestId'], unique: true }, { columns: ['gridId', 'id'] }, { columns: ['workerId', 'id'] }],
      ),
    );
    await q.createTable(
      table(
        'grid_findings',
        [
          col.id(),
          col.int('visitId'),
          col.str('category', 16),
          col.int('count'),
          col.str('text', 200, { default: "''" }),
          { name: 'solved', type: 'boolean' },
          col.int('needId', { isNullable: true }),
          col.datetime('filedAt', { isNullable: true }),
        ],
        [{ columns: ['visitId'] }, { columns: ['needId'], unique: true }],
      ),
    );
    await q.createTable(
      table(
        'grid_visit_corrections',
        [col.id(), col.int('visitId'), col.int('byId'), col.datetime('at'), col.str('reason', 200), { name: 'before', type: 'text' }, { name: 'after', type: 'text' }],
        [{ columns: ['visitId'] }],
      ),
    );
    await q.createTable(
      table(
        'grid_visit_voice_notes',
        [
          col.id(),
          col.int('visitId'),
          col.str('fileId', 255),
          col.int('durationSec'),
          col.int('uploaderId'),
          col.datetime('createdAt'),
          col.str('transcript', 500, { isNullable: true }),
          col.str('transcriptStatus', 10, { default: "'pending'" }),
          col.int('transcriptTries', { default: 0 }),
        ],
        [{ columns: ['visitId'], unique: true }],
      ),
    );
    await q.createTable(
      table(
        'grid_targets',
        [
          col.id(),
          col.int('householdId'),
          col.int('communityId'),
          col.str('reason', 200),
          col.int('active', { isNullable: true, default: 1 }),
          col.int('flaggedById'),
          col.datetime('flaggedAt'),
          col.datetime('endedAt', { isNullable: true }),
          col.int('endedById', { isNullable: true }),
          col.str('endReason', 200, { isNullable: true }),
        ],
        [{ columns: ['householdId', 'active'], unique: true }, { columns: ['communityId', 'endedAt'] }],
      ),
    );
    await q.createTable(
      table(
        'grid_plans',
        [
          col.id(),
          col.int('targetId'),
          col.int('householdId'),
          col.int('gridId'),
          col.str('period', 7),
          col.str('earliest', 10),
          col.str('latest', 10),
          col.str('status', 10),
          col.int('visitId', { isNullable: true }),
          col.datetime('createdAt'),
          col.datetime('closedAt', { isNullable: true }),
          col.int('closedById', { isNullable: true }),
          col.str('cancelReason', 200, { isNullable: true }),
        ],
        [{ columns: ['householdId', 'period'], unique: true }, { columns: ['gridId', 'status', 'latest'] }],
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['grid_plans', 'grid_targets', 'grid_visit_voice_notes', 'grid_visit_corrections', 'grid_findings', 'grid_visits', 'grids']) await q.dropTable(t);
  }
}
