import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from '../../../core/migration-helpers';

/** 党员双报到 and 履职: reports, commitments, activities (the programme's part of engine slots) and hours. */
export class Party1766450000000 implements MigrationInterface {
  name = 'Party1766450000000';

  async up(q: QueryRunner): Promise<void> {
    const nullableInt = (name: string) => col.int(name, { isNullable: true });
    await q.createTable(
      table(
        'party_reports',
        [
          col.id(),
          col.int('userId'),
          col.int('streetId'),
          col.int('communityId'),
          col.int('compoundId'),
          nullableInt('buildingId'),
          col.str('workUnit', 60),
          col.str('status', 10),
          col.str('activeKey', 20, { isNullable: true }),
          col.int('year'),
          col.datetime('validUntil', { isNullable: true }),
          nullableInt('decidedById'),
          col.datetime('decidedAt', { isNullable: true }),
          col.str('declineReason', 100, { isNullable: true }),
          col.datetime('createdAt'),
          col.datetime('updatedAt'),
        ],
        [
          { columns: ['activeKey'], unique: true },
          { columns: ['compoundId', 'status', 'id'] },
          { columns: ['status', 'validUntil'] },
          { columns: ['userId', 'id'] },
        ],
      ),
    );
    await q.createTable(
      table(
        'party_commitments',
        [
          col.id(),
          col.int('userId'),
          col.int('reportId'),
          col.int('communityId'),
          col.int('compoundId'),
          col.int('year'),
          col.str('postCategory', 20),
          col.str('roles', 200),
          col.int('plannedHours'),
          col.str('items', 1000),
          col.str('status', 10),
          col.str('currentKey', 24, { isNullable: true }),
          col.datetime('signedAt'),
        ],
        [{ columns: ['currentKey'], unique: true }, { columns: ['userId', 'year'] }],
      ),
    );
    await q.createTable(
      table(
        'party_activities',
        [
          col.id(),
          col.int('slotId'),
          col.int('streetId'),
          col.int('communityId'),
          nullableInt('compoundId'),
          col.int('organiserId'),
          col.str('place', 60),
          col.str('description', 500),
          col.datetime('createdAt'),
        ],
        [{ columns: ['slotId'], unique: true }, { columns: ['communityId', 'id'] }],
      ),
    );
    await q.createTable(
      table(
        'party_hours',
        [
          col.id(),
          col.int('userId'),
          col.int('activityId'),
          col.int('slotBookingId'),
          col.int('communityId'),
          col.int('year'),
          col.datetime('startedAt'),
          col.datetime('endedAt', { isNullable: true }),
          col.datetime('endsAt'),
          nullableInt('minutes'),
          col.str('status', 10),
          col.str('flag', 20, { isNullable: true }),
          nullableInt('decidedById'),
          col.datetime('decidedAt', { isNullable: true }),
          col.str('rejectReason', 100, { isNullable: true }),
          col.datetime('createdAt'),
          col.datetime('updatedAt'),
        ],
        [
          { columns: ['slotBookingId'], unique: true },
          { columns: ['communityId', 'status', 'id'] },
          { columns: ['userId', 'year'] },
          { columns: ['status', 'endsAt'] },
        ],
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['party_hours', 'party_activities', 'party_commitments', 'party_reports']) await q.dropTable(t);
  }
}
