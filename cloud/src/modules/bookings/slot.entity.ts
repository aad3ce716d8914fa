import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Sitting, SlotKind } from '@hg/types';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/**
 * One bookable slot of a centre: a meal sitting (two capacities: dine-in and delivery), a room,
 * a consultation or a team visit. `held*` count the seats held by live bookings and only move by
 * conditional updates (`… WHERE held < capacity`) inside a booking's transaction.
 */
@Entity('booking_slots')
@Index('IX_booking_slots_centreId_startsAt', ['centreId', 'startsAt'])
@Index('IX_booking_slots_centreId_kind_day', ['centreId', 'kind', 'day'])
/** One lunch and one dinner a day per centre (non-meal slots have no sitting: NULLs never collide). */
@Index('UQ_booking_slots_centreId_day_sitting', ['centreId', 'day', 'sitting'], { unique: true })
export class Slot {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() centreId: number;
  @TextColumn(10) kind: SlotKind;
  /** The local calendar day (Asia/Shanghai), "2026-12-01". */
  @TextColumn(10) day: string;
  @TextColumn(10, { nullable: true }) sitting: Sitting | null;
  @TextColumn(30) title: string;
  @DateTimeColumn() startsAt: Date;
  @DateTimeColumn() endsAt: Date;
  @DateTimeColumn() cutoffAt: Date;
  @IdColumn() capacityDineIn: number;
  @IdColumn() capacityDelivery: number;
  @IdColumn({ default: 0 }) heldDineIn: number;
  @IdColumn({ default: 0 }) heldDelivery: number;
  /** Booking opens at this instant (how far ahead one may book); null = as soon as published. */
  @DateTimeColumn({ nullable: true }) opensAt: Date | null;
  /** At most this many live bookings per elder per week for slots of this centre and kind; null = no limit. */
  @IdColumn({ nullable: true }) quotaPerWeek: number | null;
  @IdColumn() priceFen: number;
  /** The menu as JSON (DishDTO[]); small and always read with the slot. */
  @TextColumn(2000) dishes: string;
  @IdColumn() createdById: number;
  @DateTimeColumn() createdAt: Date;
  /**
   * When a 休息日 withdrew this meal sitting (its bookings were cancelled, the elders told). It stays
   * withdrawn when the day is reopened: weeks leave it out, and a sitting saved or copied onto the
   * same day and meal takes this row's place (republishMealSitting) without reviving a booking.
   */
  @DateTimeColumn({ nullable: true }) withdrawnAt: Date | null;
}
