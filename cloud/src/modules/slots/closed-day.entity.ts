import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/** A day a venue is closed (a holiday): its slots were withdrawn and none may be published. */
@Entity('slot_closed_days')
@Index('UQ_slot_closed_days_venueId_day', ['venueId', 'day'], { unique: true })
export class ClosedDay {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() venueId: number;
  @TextColumn(10) day: string;
  @TextColumn(60) reason: string;
  @IdColumn() closedById: number;
  @DateTimeColumn() closedAt: Date;
}
