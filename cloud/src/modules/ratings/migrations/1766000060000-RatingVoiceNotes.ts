import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from '../../../core/migration-helpers';

/**
 * 居民语音留言 on household ratings (one per rating, with its transcript columns), and whether a
 * moderator hid it from the firm.
 */
export class RatingVoiceNotes1766000060000 implements MigrationInterface {
  name = 'RatingVoiceNotes1766000060000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'rating_voice_notes',
        [
          col.id(),
          col.int('ratingId'),
          col.str('fileId', 255),
          col.int('durationSec'),
          col.int('uploaderId'),
          col.datetime('createdAt'),
          col.str('transcript', 500, { isNullable: true }),
          col.str('transcriptStatus', 10, { default: "'pending'" }),
          col.int('transcriptTries', { default: 0 }),
          col.str('status', 10, { default: "'visible'" }),
          col.int('hiddenById', { isNullable: true }),
          col.datetime('hiddenAt', { isNullable: true }),
        ],
        [{ columns: ['ratingId'], unique: true }],
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('rating_voice_notes');
  }
}
