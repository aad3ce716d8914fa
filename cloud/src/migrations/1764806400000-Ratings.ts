import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/**
 * Star ratings of property firms: weights per compound type, rating periods (weights frozen on
 * open), household ratings (one per household and period: unique key) with their change history,
 * assessor scores (one per assessor, firm and period), comment reports, the published results and
 * the firms' replies.
 */
export class Ratings1764806400000 implements MigrationInterface {
  name = 'Ratings1764806400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'rating_weights',
        [col.id(), col.str('compoundType', 16), col.str('weights', 200), col.datetime('updatedAt')],
        [{ columns: ['compoundType'], unique: true }],
      ),
    );
    await q.createTable(
      table(
        'rating_periods',
        [
          col.id(),
          col.str('code', 10),
          col.str('startsOn', 10),
          col.str('endsOn', 10),
          col.str('status', 10),
          col.str('weights', 600),
          col.int('createdById'),
          col.datetime('createdAt'),
          col.datetime('updatedAt'),
        ],
        [{ columns: ['code'], unique: true }, { columns: ['status'] }],
      ),
    );
    await q.createTable(
      table(
        'household_ratings',
        [
          col.id(),
          col.int('periodId'),
          col.int('householdId'),
          col.int('firmId'),
          col.int('compoundId'),
          col.int('communityId'),
          col.int('streetId'),
          col.str('compoundType', 16),
          col.int('userId'),
          col.str('scores', 200),
          col.int('satisfaction'),
          col.str('comment', 200),
          col.str('commentStatus', 10),
          col.int('reports', { default: 0 }),
          col.datetime('createdAt'),
          col.datetime('updatedAt'),
        ],
        [
          { columns: ['periodId', 'householdId'], unique: true },
          { columns: ['periodId', 'firmId'] },
          { columns: ['commentStatus', 'id'] },
          // Covers the close's GROUP BY (firm, compound type) over one period without touching the rows.
          { columns: ['periodId', 'firmId', 'compoundType', 'satisfaction'] },
        ],
      ),
    );
    await q.createTable(
      table(
        'rating_changes',
        [col.id(), col.int('ratingId'), col.int('userId'), col.str('scores', 200), col.str('comment', 200), col.datetime('createdAt')],
        [{ columns: ['ratingId', 'id'] }],
      ),
    );
    await q.createTable(
      table(
        'assessor_scores',
        [
          col.id(),
          col.int('periodId'),
          col.int('firmId'),
          col.int('assessorId'),
          col.int('organisation'),
          col.int('team'),
          col.int('service'),
          col.str('note', 300),
          col.str('photoIds', 2400),
          col.datetime('createdAt'),
          col.datetime('updatedAt'),
        ],
        [{ columns: ['periodId', 'firmId', 'assessorId'], unique: true }, { columns: ['periodId', 'firmId'] }],
      ),
    );
    await q.createTable(
      table(
        'comment_reports',
        [col.id(), col.int('ratingId'), col.int('userId'), col.datetime('createdAt')],
        [{ columns: ['ratingId', 'userId'], unique: true }],
      ),
    );
    await q.createTable(
      table(
        'firm_results',
        [
          col.id(),
          col.int('periodId'),
          col.int('firmId'),
          col.str('compoundType', 16),
          col.int('sample'),
          col.int('starsX2', { isNullable: true }),
          col.int('composite', { isNullable: true }),
          col.str('criteria', 200),
          col.int('satisfactionRaw', { isNullable: true }),
          col.str('needs', 200),
          col.datetime('createdAt'),
        ],
        [{ columns: ['periodId', 'firmId', 'compoundType'], unique: true }, { columns: ['firmId', 'periodId'] }],
      ),
    );
    await q.createTable(
      table(
        'firm_replies',
        [col.id(), col.int('periodId'), col.int('firmId'), col.str('body', 500), col.int('authorId'), col.datetime('updatedAt')],
        [{ columns: ['periodId', 'firmId'], unique: true }],
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'firm_replies',
      'firm_results',
      'comment_reports',
      'assessor_scores',
      'rating_changes',
      'household_ratings',
      'rating_periods',
      'rating_weights',
    ])
      await q.dropTable(t);
  }
}
