import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from '../../../core/migration-helpers';

/** 五步议事法: matters, their published versions, electorates, ballots and tallies. */
export class Deliberation1766100000000 implements MigrationInterface {
  name = 'Deliberation1766100000000';

  async up(q: QueryRunner): Promise<void> {
    const nullableInt = (name: string) => col.int(name, { isNullable: true });
    await q.createTable(
      table(
        'deliberation_matters',
        [
          col.id(),
          col.str('title', 60),
          col.str('text', 2000),
          col.str('options', 1200),
          col.str('scopeLevel', 10),
          col.int('streetId'),
          col.int('communityId'),
          col.int('compoundId'),
          nullableInt('buildingId'),
          nullableInt('unitId'),
          col.str('status', 12),
          col.int('version', { default: 0 }),
          col.str('contentHash', 8, { isNullable: true }),
          nullableInt('proposerId'),
          nullableInt('sourceNeedId'),
          col.datetime('publishedAt', { isNullable: true }),
          col.datetime('opensAt', { isNullable: true }),
          col.datetime('closesAt', { isNullable: true }),
          nullableInt('quorumPercent'),
          nullableInt('approvalPercent'),
          nullableInt('noticeDays'),
          nullableInt('remindedVersion'),
          col.str('withdrawnReason', 200, { isNullable: true }),
          col.str('outcome', 2000, { isNullable: true }),
          col.datetime('outcomePublishedAt', { isNullable: true }),
          col.datetime('createdAt'),
          col.datetime('updatedAt'),
        ],
        [
          { columns: ['compoundId', 'status', 'id'] },
          { columns: ['status', 'opensAt'] },
          { columns: ['status', 'closesAt'] },
          { columns: ['sourceNeedId'], unique: true },
        ],
      ),
    );
    await q.createTable(
      table(
        'deliberation_versions',
        [
          col.id(),
          col.int('matterId'),
          col.int('version'),
          col.str('title', 60),
          col.str('text', 2000),
          col.str('options', 1200),
          col.str('contentHash', 8),
          col.int('eligible'),
          col.datetime('publishedAt'),
          col.int('publishedById'),
        ],
        [{ columns: ['matterId', 'version'], unique: true }],
      ),
    );
    await q.createTable(
      table('deliberation_electorate', [col.id(), col.int('matterId'), col.int('version'), col.int('householdId')], [
        { columns: ['matterId', 'version', 'householdId'], unique: true },
      ]),
    );
    await q.createTable(
      table(
        'deliberation_ballots',
        [
          col.id(),
          col.int('matterId'),
          col.int('version'),
          col.int('householdId'),
          col.int('optionIndex'),
          col.str('channel', 10),
          col.int('castById'),
          col.str('status', 10),
          col.str('currentKey', 40, { isNullable: true }),
          col.datetime('castAt'),
          col.datetime('endedAt', { isNullable: true }),
        ],
        [{ columns: ['currentKey'], unique: true }, { columns: ['matterId', 'version', 'status'] }, { columns: ['householdId'] }],
      ),
    );
    await q.createTable(
      table(
        'deliberation_tallies',
        [
          col.id(),
          col.int('matterId'),
          col.int('version'),
          col.int('eligible'),
          col.int('ballots'),
          col.int('online'),
          col.int('meeting'),
          col.int('proxy'),
          col.str('counts', 200),
          { name: 'quorumMet', type: 'boolean' },
          { name: 'approved', type: 'boolean' },
          nullableInt('leadingOption'),
          col.int('quorumPercent'),
          col.int('approvalPercent'),
          col.datetime('closedAt'),
          nullableInt('closedById'),
        ],
        [{ columns: ['matterId'], unique: true }],
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['deliberation_tallies', 'deliberation_ballots', 'deliberation_electorate', 'deliberation_versions', 'deliberation_matters']) await q.dropTable(t);
  }
}
