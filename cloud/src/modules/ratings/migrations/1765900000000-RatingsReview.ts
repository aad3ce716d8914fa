import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, table } from '../../../core/migration-helpers';

/**
 * Review before publication (issue 16, item 4): a period's 公示 end day; results get versions
 * (`firm_results.version` and `correctedAt`, every version in `firm_result_versions`, unique per
 * result and version) and firms object during 公示 (`rating_objections`). Existing results become
 * their version 1; periods already `published` keep that status, which now means final (定稿).
 * Down: a period in 公示 becomes `published` (the old code's only public state); the corrected
 * figures stay in `firm_results`.
 */
export class RatingsReview1765900000000 implements MigrationInterface {
  name = 'RatingsReview1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('rating_periods', new TableColumn(col.str('publicityEndsOn', 10, { isNullable: true })));
    await q.addColumns('firm_results', [
      new TableColumn(col.int('version', { default: 1 })),
      new TableColumn(col.datetime('correctedAt', { isNullable: true })),
    ]);
    await q.createTable(
      table(
        'firm_result_versions',
        [
          col.id(),
          col.int('resultId'),
          col.int('version'),
          col.int('starsX2', { isNullable: true }),
          col.int('composite', { isNullable: true }),
          col.str('criteria', 200),
          col.str('reason', 200),
          col.int('actorId', { isNullable: true }),
          col.int('objectionId', { isNullable: true }),
          col.datetime('createdAt'),
        ],
        [{ columns: ['resultId', 'version'], unique: true }],
      ),
    );
    await q.createTable(
      table(
        'rating_objections',
        [
          col.id(),
          col.int('periodId'),
          col.int('firmId'),
          col.int('resultId'),
          col.str('body', 500),
          col.str('photoIds', 2400),
          col.str('status', 10),
          col.str('answer', 300, { default: "''" }),
          col.int('authorId'),
          col.int('answeredById', { isNullable: true }),
          col.datetime('answeredAt', { isNullable: true }),
          col.datetime('createdAt'),
          col.datetime('updatedAt'),
        ],
        [{ columns: ['periodId', 'status'] }, { columns: ['firmId', 'periodId'] }],
      ),
    );
    // Every stored result is its own first version, as computed at its period's close.
    await q.query(
      `INSERT INTO firm_result_versions (resultId, version, starsX2, composite, criteria, reason, actorId, objectionId, createdAt)
       SELECT id, 1, starsX2, composite, criteria, '期末计算', NULL, NULL, createdAt FROM firm_results`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE rating_periods SET status = 'published' WHERE status = 'publicity'`);
    await q.dropTable('rating_objections');
    await q.dropTable('firm_result_versions');
    await q.dropColumn('firm_results', 'correctedAt');
    await q.dropColumn('firm_results', 'version');
    await q.dropColumn('rating_periods', 'publicityEndsOn');
  }
}
