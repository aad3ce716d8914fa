import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/**
 * The timer runner's tables. `timer_jobs`: one row per job name (unique), its lease (`holder`,
 * `leaseUntil`, taken by a conditional UPDATE so overlapping ticks — on any instance — never run
 * one job twice at once) and a summary of its last run that survives pruning (`lastOkAt`,
 * `failStreak`) for the admin and a health check. `timer_runs`: every attempt (run or skip), the
 * newest 100 per job kept.
 */
export class TimerJobs1765324800000 implements MigrationInterface {
  name = 'TimerJobs1765324800000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'timer_jobs',
        [
          col.id(),
          col.str('name', 64),
          col.str('holder', 40, { isNullable: true }),
          col.datetime('leaseUntil', { isNullable: true }),
          col.datetime('lastStartedAt', { isNullable: true }),
          col.datetime('lastFinishedAt', { isNullable: true }),
          col.str('lastOutcome', 10, { isNullable: true }),
          col.datetime('lastOkAt', { isNullable: true }),
          col.int('failStreak', { default: 0 }),
        ],
        [{ columns: ['name'], unique: true }],
      ),
    );
    await q.createTable(
      table(
        'timer_runs',
        [
          col.id(),
          col.str('job', 64),
          col.str('holder', 40),
          col.str('outcome', 10),
          col.datetime('startedAt'),
          col.datetime('finishedAt', { isNullable: true }),
          col.str('counts', 1000, { isNullable: true }),
          col.str('errorCode', 40, { isNullable: true }),
          col.str('errorMessage', 200, { isNullable: true }),
        ],
        [{ columns: ['job', 'id'] }],
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('timer_runs');
    await q.dropTable('timer_jobs');
  }
}
