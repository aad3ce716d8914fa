import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { TimerOutcome } from '@hg/types';
import { DateTimeColumn, TextColumn } from '../../core/columns';

/**
 * One attempt of a timer job: a run (`running` → `ok` / `failed`) or a skip (another tick held
 * the lease). A bounded history: the lease holder keeps the newest RUNS_KEPT per job.
 */
@Entity('timer_runs')
@Index('IX_timer_runs_job_id', ['job', 'id'])
export class TimerRun {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @TextColumn(64) job: string;
  @TextColumn(40) holder: string;
  @TextColumn(10) outcome: TimerOutcome;
  @DateTimeColumn() startedAt: Date;
  @DateTimeColumn({ nullable: true }) finishedAt: Date | null;
  /** The job's counts as JSON (`{"standingBooked":12}`), once it ran to the end. */
  @TextColumn(1000, { nullable: true }) counts: string | null;
  @TextColumn(40, { nullable: true }) errorCode: string | null;
  /** Short, never a stack: an AppError's message, or the error's class and a log reference. */
  @TextColumn(200, { nullable: true }) errorMessage: string | null;
}
