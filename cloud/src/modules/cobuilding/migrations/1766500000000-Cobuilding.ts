import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from '../../../core/migration-helpers';

/** 契约化共建: agreements between departments and streets or communities, their items and deliveries. */
export class Cobuilding1766500000000 implements MigrationInterface {
  name = 'Cobuilding1766500000000';

  async up(q: QueryRunner): Promise<void> {
    const nullableInt = (name: string) => col.int(name, { isNullable: true });
    await q.createTable(
      table(
        'cobuilding_agreements',
        [
          col.id(),
          col.int('departmentId'),
          col.str('party', 10),
          col.int('streetId'),
          nullableInt('communityId'),
          col.str('title', 60),
          col.str('startsOn', 10),
          col.str('endsOn', 10),
          col.str('status', 10),
          col.int('version', { default: 1 }),
          col.int('draftedById'),
          nullableInt('departmentSignedById'),
          col.datetime('departmentSignedAt', { isNullable: true }),
          nullableInt('partySignedById'),
          col.datetime('partySignedAt', { isNullable: true }),
          col.datetime('signedAt', { isNullable: true }),
          col.datetime('closedAt', { isNullable: true }),
          col.str('closeNote', 200, { isNullable: true }),
          col.datetime('createdAt'),
          col.datetime('updatedAt'),
        ],
        [{ columns: ['departmentId', 'id'] }, { columns: ['streetId', 'id'] }, { columns: ['communityId', 'id'] }],
      ),
    );
    await q.createTable(
      table(
        'cobuilding_items',
        [
          col.id(),
          col.int('agreementId'),
          col.int('position'),
          col.str('kind', 12),
          col.int('promised'),
          col.int('delivered', { default: 0 }),
          col.str('dueOn', 10),
          col.str('description', 200),
        ],
        [{ columns: ['agreementId', 'position'], unique: true }],
      ),
    );
    await q.createTable(
      table(
        'cobuilding_deliveries',
        [
          col.id(),
          col.int('agreementId'),
          col.int('itemId'),
          col.int('quantity'),
          col.str('note', 500),
          col.str('photos', 2400),
          col.str('status', 10),
          col.int('recordedById'),
          col.datetime('recordedAt'),
          nullableInt('decidedById'),
          col.datetime('decidedAt', { isNullable: true }),
          col.str('declineReason', 200, { isNullable: true }),
        ],
        [{ columns: ['agreementId', 'status', 'id'] }, { columns: ['itemId', 'status'] }],
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['cobuilding_deliveries', 'cobuilding_items', 'cobuilding_agreements']) await q.dropTable(t);
  }
}
