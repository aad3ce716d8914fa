import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TextColumn } from '../../core/columns';

/**
 * A slot's seats of one pool (a room has one, `seat`; a meal sitting two, dine-in and delivery).
 * `held` counts the seats held by bookings and moves only by conditional updates
 * (`… SET held = held + 1 WHERE held < capacity`) inside a booking's transaction.
 */
@Entity('slot_pools')
@Index('UQ_slot_pools_slotId_pool', ['slotId', 'pool'], { unique: true })
export class SlotPool {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() slotId: number;
  @TextColumn(12) pool: string;
  @IdColumn() capacity: number;
  @IdColumn({ default: 0 }) held: number;
}
