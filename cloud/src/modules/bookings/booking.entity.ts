import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { BookingChannel, BookingStatus, MealMode, PaidBy, SubsidyTier } from '@hg/types';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/**
 * One elder's booking of one slot. `activeKey` = "<slotId>:<elderId>" while the booking is live and
 * null once it ends (cancelled, expired): its unique index is the "one live booking per elder per
 * slot" rule. `(bookedById, requestId)` is unique: a retried request finds its first answer.
 */
@Entity('bookings')
@Index('UQ_bookings_activeKey', ['activeKey'], { unique: true })
@Index('UQ_bookings_code', ['code'], { unique: true })
@Index('UQ_bookings_bookedById_requestId', ['bookedById', 'requestId'], { unique: true })
@Index('IX_bookings_slotId_status_id', ['slotId', 'status', 'id'])
@Index('IX_bookings_elderId_id', ['elderId', 'id'])
@Index('IX_bookings_status_offerExpiresAt', ['status', 'offerExpiresAt'])
export class Booking {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() slotId: number;
  @IdColumn() centreId: number;
  @IdColumn() elderId: number;
  @TextColumn(10) mode: MealMode;
  @TextColumn(12) status: BookingStatus;
  @TextColumn(24, { nullable: true }) activeKey: string | null;
  @TextColumn(8) code: string;
  @TextColumn(64) requestId: string;
  @IdColumn() bookedById: number;
  @TextColumn(12) channel: BookingChannel;
  @IdColumn() priceFen: number;
  @IdColumn() subsidyFen: number;
  @IdColumn() payFen: number;
  @TextColumn(10, { nullable: true }) tier: SubsidyTier | null;
  @DateTimeColumn({ nullable: true }) waitlistedAt: Date | null;
  @DateTimeColumn({ nullable: true }) offerExpiresAt: Date | null;
  @DateTimeColumn({ nullable: true }) redeemedAt: Date | null;
  @IdColumn({ nullable: true }) redeemedById: number | null;
  /** How the elder's share was paid at the counter or door (null: not recorded). */
  @TextColumn(10, { nullable: true }) paidBy: PaidBy | null;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() updatedAt: Date;
  /** 备注 for the kitchen and the round (≤ 50 characters), and/or a voice note (its upload id and length). */
  @TextColumn(50, { nullable: true }) remark: string | null;
  @TextColumn(255, { nullable: true }) remarkVoiceId: string | null;
  @IdColumn({ nullable: true }) remarkVoiceSec: number | null;
}
