import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from '../../../core/migration-helpers';

/**
 * 语音留言: voice notes on needs and on their comments, one per subject (`commentId` 0 is the
 * need's own). A voice-only comment keeps an empty body, so need_comments is unchanged.
 */
export class NeedVoiceNotes1765749600000 implements MigrationInterface {
  name = 'NeedVoiceNotes1765749600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'need_voice_notes',
        [col.id(), col.int('needId'), col.int('commentId'), col.str('fileId', 255), col.int('durationSec'), col.int('uploaderId'), col.datetime('createdAt')],
        [{ columns: ['needId', 'commentId'], unique: true }],
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('need_voice_notes');
  }
}
