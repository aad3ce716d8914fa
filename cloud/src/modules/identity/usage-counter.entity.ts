import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/**
 * A person's counter for one limited action (see usage.ts). `n` counts the limited writes that
 * committed; bumping it is what serialises the person's concurrent calls on MySQL.
 */
@Entity('usage_counters')
@Index('UQ_usage_counters_userId_scope', ['userId', 'scope'], { unique: true })
export class UsageCounter {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() userId: number;
  @TextColumn(40) scope: string;
  @IdColumn({ default: 0 }) n: number;
  @DateTimeColumn() updatedAt: Date;
}
