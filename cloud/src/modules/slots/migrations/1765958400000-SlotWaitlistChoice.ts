import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from '../../../core/migration-helpers';

/** Whether a full slot takes a waitlist, chosen per slot; existing slots keep theirs (true). */
export class SlotWaitlistChoice1765958400000 implements MigrationInterface {
  name = 'SlotWaitlistChoice1765958400000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('slots', new TableColumn(col.bool('waitlist', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('slots', 'waitlist');
  }
}
