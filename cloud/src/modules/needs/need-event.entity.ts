import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { EscalationLevel, NeedEventType, NeedStatus } from '@hg/types';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/** Append-only history: one row per transition, escalation or counted urge. */
@Entity('need_events')
@Index('IX_need_events_needId_id', ['needId', 'id'])
export class NeedEvent {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() needId: number;
  @Column({ type: 'varchar', length: 16 }) type: NeedEventType;
  /** null = the system (timers). */
  @IdColumn({ nullable: true }) actorId: number | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) fromStatus: NeedStatus | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) toStatus: NeedStatus | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) level: EscalationLevel | null;
  @TextColumn(500, { nullable: true }) note: string | null;
  @DateTimeColumn() createdAt: Date;
}
