import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from '../../../core/migration-helpers';

/** As they were added (written out here: a migration does not follow later changes of the entity). */
const transcriptColumns = () => [
  col.str('transcript', 500, { isNullable: true }),
  col.str('transcriptStatus', 10, { default: "'pending'" }),
  col.int('transcriptTries', { default: 0 }),
];

/**
 * 语音转文字: a need's voice notes get a nullable transcript, where it stands, and the failed tries.
 * Notes recorded before are `pending`; the voice timer marks them skipped while transcription is
 * off (the default), so none is sent to a service a city enables later.
 */
export class NeedVoiceTranscripts1766000000000 implements MigrationInterface {
  name = 'NeedVoiceTranscripts1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('need_voice_notes', transcriptColumns().map((c) => new TableColumn(c)));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of [...transcriptColumns()].reverse()) await q.dropColumn('need_voice_notes', c.name);
  }
}
