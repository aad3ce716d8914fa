import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './helpers';

/**
 * 待核实: a need filed by a resident whose binding to the household was still pending. Set once at
 * filing and kept as a historical fact (a later verification does not clear it).
 */
export class NeedUnverifiedReporter1764979200000 implements MigrationInterface {
  name = 'NeedUnverifiedReporter1764979200000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('needs', new TableColumn(col.bool('unverifiedReporter', false)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('needs', 'unverifiedReporter');
  }
}
