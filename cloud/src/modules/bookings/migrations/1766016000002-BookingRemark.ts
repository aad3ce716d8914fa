import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from '../../../core/migration-helpers';

/** A meal booking's 备注: a short text and/or a voice note (upload id and length in seconds). */
export class BookingRemark1766016000002 implements MigrationInterface {
  name = 'BookingRemark1766016000002';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('bookings', [
      new TableColumn(col.str('remark', 50, { isNullable: true })),
      new TableColumn(col.str('remarkVoiceId', 255, { isNullable: true })),
      new TableColumn(col.int('remarkVoiceSec', { isNullable: true })),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of ['remarkVoiceSec', 'remarkVoiceId', 'remark']) await q.dropColumn('bookings', c);
  }
}
