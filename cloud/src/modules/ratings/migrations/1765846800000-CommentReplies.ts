import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, table } from '../../../core/migration-helpers';

/**
 * Replies per comment (issue 16, item 5): `comment_replies` holds the firm's one current reply to
 * each comment (unique per rating). The replies written before, one per firm and period in
 * `firm_replies`, stay where they are as the firm's general statement for that period (shown
 * above the comments): they answered the period as a whole, not any one comment, so none is moved.
 * Reports get their reason and whether the rated firm's own staff made them (never counted).
 */
export class CommentReplies1765846800000 implements MigrationInterface {
  name = 'CommentReplies1765846800000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'comment_replies',
        [col.id(), col.int('ratingId'), col.int('firmId'), col.str('body', 500), col.int('authorId'), col.datetime('createdAt'), col.datetime('updatedAt')],
        [{ columns: ['ratingId'], unique: true }],
      ),
    );
    await q.addColumn('comment_reports', new TableColumn(col.str('reason', 10, { default: "'other'" })));
    await q.addColumn('comment_reports', new TableColumn(col.bool('byFirm', false)));
    // Reports made before by the rated firm's staff (they never counted): marked as such.
    await q.query(
      `UPDATE comment_reports SET byFirm = 1 WHERE EXISTS (SELECT 1 FROM household_ratings r JOIN role_assignments a ON a.organisationId = r.firmId
         WHERE r.id = comment_reports.ratingId AND a.userId = comment_reports.userId AND a.role = 'org_staff')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('comment_reports', 'byFirm');
    await q.dropColumn('comment_reports', 'reason');
    await q.dropTable('comment_replies');
  }
}
