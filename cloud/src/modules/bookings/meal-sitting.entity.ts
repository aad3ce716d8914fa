import { Entity, Index, PrimaryColumn } from 'typeorm';
import type { Sitting } from '@hg/types';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/**
 * What only a meal sitting has, keyed by its engine slot (kind `meal`, venue = the centre, pools
 * `dine_in` and `delivery`): the centre's day and sitting, the price and the menu. `liveSitting`
 * is the sitting while the slot is live and NULL once a 休息日 withdrew it, so the unique key
 * (centreId, day, liveSitting) is "one live lunch and one live dinner per centre and day" on
 * SQLite and MariaDB alike (NULLs never collide) while withdrawn sittings stay for the record.
 */
@Entity('meal_sittings')
@Index('UQ_meal_sittings_centreId_day_liveSitting', ['centreId', 'day', 'liveSitting'], { unique: true })
@Index('IX_meal_sittings_centreId_day', ['centreId', 'day'])
export class MealSitting {
  @PrimaryColumn({ type: 'integer' }) slotId: number;
  @IdColumn() centreId: number;
  /** The local calendar day (Asia/Shanghai), "2026-12-01" (the engine slot's day). */
  @TextColumn(10) day: string;
  @TextColumn(10) sitting: Sitting;
  @TextColumn(10, { nullable: true }) liveSitting: Sitting | null;
  @IdColumn() priceFen: number;
  /** The menu as JSON (DishDTO[]); small and always read with the sitting. */
  @TextColumn(2000) dishes: string;
  /** When a 休息日 withdrew the sitting (its bookings ended, the elders told); null while live. */
  @DateTimeColumn({ nullable: true }) withdrawnAt: Date | null;
}
