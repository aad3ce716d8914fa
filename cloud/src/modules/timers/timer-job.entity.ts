import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { TimerOutcome } from '@hg/types';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/**
 * One row per timer job (by name): its lease and the summary of its last run. A tick takes the
 * lease with a conditional UPDATE (free or lapsed → this tick) and gives it back with a
 * compare-and-set on `holder`, so one job never runs in two ticks at once, across instances.
 */
@Entity('timer_jobs')
@Index('UQ_timer_jobs_name', ['name'], { unique: true })
export class TimerJobRecord {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  /** TimerJob.name, e.g. `bookings.standingOrders`. */
  @TextColumn(64) name: string;
  /** The tick holding the lease; null when released. */
  @TextColumn(40, { nullable: true }) holder: string | null;
  /** The lease lapses here even if the holder never releases it (its instance died). */
  @DateTimeColumn({ nullable: true }) leaseUntil: Date | null;
  @DateTimeColumn({ nullable: true }) lastStartedAt: Date | null;
  @DateTimeColumn({ nullable: true }) lastFinishedAt: Date | null;
  /** `running` from the lease until the release; a run that never released stays `running`. */
  @TextColumn(10, { nullable: true }) lastOutcome: TimerOutcome | null;
  @DateTimeColumn({ nullable: true }) lastOkAt: Date | null;
  /** Failed runs (interrupted ones included) since the last success. */
  @IdColumn({ default: 0 }) failStreak: number;
}
