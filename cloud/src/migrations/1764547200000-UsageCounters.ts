import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/**
 * One row per person and limited action (`needs.create`, `households.pending`). Limited writes
 * bump it first in their transaction: the bump is the row lock that makes a per-person limit hold
 * on MySQL, where parallel calls would otherwise all pass a count taken before any of them commits.
 */
export class UsageCounters1764547200000 implements MigrationInterface {
  name = 'UsageCounters1764547200000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'usage_counters',
        [col.id(), col.int('userId'), col.str('scope', 40), col.int('n', { default: 0 }), col.datetime('updatedAt')],
        [{ columns: ['userId', 'scope'], unique: true }],
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('usage_counters');
  }
}
