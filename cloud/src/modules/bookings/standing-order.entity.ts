import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MealMode, Sitting, StandingOrderStatus } from '@hg/types';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/**
 * 长期预订: an elder's standing order for one sitting on some weekdays. The timer books it for each
 * published slot (idempotently: the request id is derived from order and slot) and records the
 * days it could not (full) in `missed`, telling the elder and family.
 */
@Entity('standing_orders')
@Index('UQ_standing_orders_elderId_sitting', ['elderId', 'sitting'], { unique: true })
@Index('IX_standing_orders_centreId_status', ['centreId', 'status'])
export class StandingOrder {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() elderId: number;
  @IdColumn() centreId: number;
  @TextColumn(10) sitting: Sitting;
  /** ISO weekdays joined by ',' ("1,2,3,4,5"). */
  @TextColumn(20) weekdays: string;
  @TextColumn(10) mode: MealMode;
  @TextColumn(10) status: StandingOrderStatus;
  /** Days (YYYY-MM-DD) that could not be booked, most recent first, joined by ','. */
  @TextColumn(200) missed: string;
  @IdColumn() createdById: number;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() updatedAt: Date;
}
