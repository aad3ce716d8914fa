import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from '../../../core/migration-helpers';

/** 特困供养人员 on an elder's profile, next to 低保 and 独居: declared, verified by the centre, its own subsidy tier. */
export class ElderTekun1766016000000 implements MigrationInterface {
  name = 'ElderTekun1766016000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('elders', new TableColumn(col.bool('tekun', false)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('elders', 'tekun');
  }
}
