import { Entity, Index, PrimaryColumn } from 'typeorm';
import type { BookingChannel, PaidBy, SubsidyTier } from '@hg/types';
import { IdColumn, TextColumn } from '../../core/columns';

/**
 * What only a meal booking has, keyed by its engine booking (holder = the elder, pool = the mode):
 * how it was booked, its price and subsidy as booked, how the elder's share was paid, and the
 * 备注 for the kitchen and the round. Written by reserve's `alongside` in the booking's transaction.
 */
@Entity('meal_bookings')
@Index('IX_meal_bookings_elderId_day', ['elderId', 'day'])
@Index('IX_meal_bookings_slotId', ['slotId'])
export class MealBooking {
  @PrimaryColumn({ type: 'integer' }) bookingId: number;
  /** The engine slot and its day, as booked (a booking never moves): the daily-subsidy count reads them without the engine's tables. */
  @IdColumn() slotId: number;
  @TextColumn(10) day: string;
  @IdColumn() elderId: number;
  @TextColumn(12) channel: BookingChannel;
  @IdColumn() priceFen: number;
  @IdColumn() subsidyFen: number;
  @IdColumn() payFen: number;
  @TextColumn(10, { nullable: true }) tier: SubsidyTier | null;
  /** How the elder's share was paid at the counter or door (null: not recorded). */
  @TextColumn(10, { nullable: true }) paidBy: PaidBy | null;
  /** 备注 (≤ 50 characters) and/or a voice note (its upload id and length). */
  @TextColumn(50, { nullable: true }) remark: string | null;
  @TextColumn(255, { nullable: true }) remarkVoiceId: string | null;
  @IdColumn({ nullable: true }) remarkVoiceSec: number | null;
}
