import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { HolderKind } from '@hg/types';
import { IdColumn, TextColumn } from '../../core/columns';

/**
 * One lock row per holder that ever booked a slot with a weekly quota: a reservation bumps `seq`
 * first, so on MySQL the row lock serialises one holder's bookings until commit and parallel taps
 * cannot both pass the count. Created before the booking's transaction, never deleted.
 */
@Entity('slot_holders')
@Index('UQ_slot_holders_holderKind_holderId', ['holderKind', 'holderId'], { unique: true })
export class SlotHolder {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @TextColumn(8) holderKind: HolderKind;
  @IdColumn() holderId: number;
  @IdColumn({ default: 0 }) seq: number;
}
