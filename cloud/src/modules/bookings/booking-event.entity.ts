import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { BookingStatus } from '@hg/types';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/** Append-only history of a booking: one row per step (who, from, to, when, note). */
@Entity('booking_events')
@Index('IX_booking_events_bookingId_id', ['bookingId', 'id'])
export class BookingEvent {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() bookingId: number;
  @TextColumn(16) type: string;
  /** null = the system (timers). */
  @IdColumn({ nullable: true }) actorId: number | null;
  @TextColumn(12, { nullable: true }) fromStatus: BookingStatus | null;
  @TextColumn(12, { nullable: true }) toStatus: BookingStatus | null;
  @TextColumn(200, { nullable: true }) note: string | null;
  @DateTimeColumn() createdAt: Date;
}
