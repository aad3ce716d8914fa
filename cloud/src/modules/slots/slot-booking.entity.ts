import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { HolderKind, SlotBookingStatus } from '@hg/types';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/**
 * One holder's booking of one slot's pool. `activeKey` = "<slotId>:<holderKind>:<holderId>" while
 * the booking is live and null once it ends: its unique index is "one live booking per holder and
 * slot". `(bookedById, requestId)` is unique: a retried request finds its first answer. A
 * programme keeps its own fields (a price, a mode) in its own table keyed by this id.
 */
@Entity('slot_bookings')
@Index('UQ_slot_bookings_activeKey', ['activeKey'], { unique: true })
@Index('UQ_slot_bookings_code', ['code'], { unique: true })
@Index('UQ_slot_bookings_bookedById_requestId', ['bookedById', 'requestId'], { unique: true })
@Index('IX_slot_bookings_slotId_status_id', ['slotId', 'status', 'id'])
@Index('IX_slot_bookings_holderKind_holderId_id', ['holderKind', 'holderId', 'id'])
@Index('IX_slot_bookings_bookedById_id', ['bookedById', 'id'])
@Index('IX_slot_bookings_status_offerExpiresAt', ['status', 'offerExpiresAt'])
export class SlotBooking {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() slotId: number;
  @IdColumn() venueId: number;
  @TextColumn(12) pool: string;
  @TextColumn(8) holderKind: HolderKind;
  @IdColumn() holderId: number;
  @TextColumn(12) status: SlotBookingStatus;
  @TextColumn(40, { nullable: true }) activeKey: string | null;
  @TextColumn(8) code: string;
  @TextColumn(64) requestId: string;
  @IdColumn() bookedById: number;
  /** Where (an address) and what (the matter), for kinds that ask (a visit). */
  @TextColumn(100, { nullable: true }) place: string | null;
  @TextColumn(200, { nullable: true }) purpose: string | null;
  @DateTimeColumn({ nullable: true }) waitlistedAt: Date | null;
  @DateTimeColumn({ nullable: true }) offerExpiresAt: Date | null;
  @DateTimeColumn({ nullable: true }) checkedInAt: Date | null;
  @IdColumn({ nullable: true }) checkedInById: number | null;
  @DateTimeColumn({ nullable: true }) checkedOutAt: Date | null;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() updatedAt: Date;
}
