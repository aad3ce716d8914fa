import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { EngineSlotKind, SlotStatus } from '@hg/types';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/**
 * One bookable slot of a venue (the organisation that runs it): a kind, a time, a cut-off and its
 * seat pools (slot_pools). What a programme sells in it (a menu, a price) lives in the
 * programme's own tables; the engine keeps only what every kind shares.
 */
@Entity('slots')
@Index('IX_slots_venueId_day', ['venueId', 'day'])
@Index('IX_slots_venueId_kind_startsAt', ['venueId', 'kind', 'startsAt'])
@Index('IX_slots_status_endsAt', ['status', 'endsAt'])
export class EngineSlot {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @TextColumn(12) kind: EngineSlotKind;
  @IdColumn() venueId: number;
  /** The local calendar day (Asia/Shanghai) of its start, "2026-12-01". */
  @TextColumn(10) day: string;
  @TextColumn(30) title: string;
  @DateTimeColumn() startsAt: Date;
  @DateTimeColumn() endsAt: Date;
  /** No booking, cancellation or waitlist place after this instant. */
  @DateTimeColumn() cutoffAt: Date;
  /** Booking opens at this instant; null = as soon as published. */
  @DateTimeColumn({ nullable: true }) opensAt: Date | null;
  @TextColumn(12) status: SlotStatus;
  /** At most this many bookings per holder per ISO week at this venue for this kind; null = no limit. */
  @IdColumn({ nullable: true }) quotaPerWeek: number | null;
  /** A full slot takes a waitlist (候补): false means full is full (a meeting room needs no queue). */
  @Column({ type: 'boolean', default: true }) waitlist: boolean;
  @IdColumn() createdById: number;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() updatedAt: Date;
}
