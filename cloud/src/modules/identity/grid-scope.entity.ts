import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/**
 * The kernel's half of the red grids (红色网格): what a grid covers and who works it, because the
 * scope rule reads both on every request of a grid worker. The grid itself (kind, name) belongs to
 * the grids module, which writes these rows through the kernel's functions (grid-scope.ts), as the
 * appointments module writes role_assignments.
 *
 * A coverage row: one building (unitId 0) or one unit in a grid, from `addedAt` until ended. The
 * row is kept once ended; `active` (1, NULL once ended) joins the unique key, so a place is in a
 * grid once at a time and can be added again later.
 */
@Entity('grid_coverage')
@Index('UQ_grid_coverage_gridId_buildingId_unitId_active', ['gridId', 'buildingId', 'unitId', 'active'], { unique: true })
@Index('IX_grid_coverage_communityId_endedAt', ['communityId', 'endedAt'])
export class GridCoverage {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() gridId: number;
  @IdColumn() communityId: number;
  @IdColumn() buildingId: number;
  /** 0: the whole building. */
  @IdColumn({ default: 0 }) unitId: number;
  @IdColumn({ nullable: true, default: 1 }) active: number | null;
  @IdColumn() addedById: number;
  @DateTimeColumn() addedAt: Date;
  @DateTimeColumn({ nullable: true }) endedAt: Date | null;
  @IdColumn({ nullable: true }) endedById: number | null;
  @TextColumn(200, { nullable: true }) endReason: string | null;
}

/**
 * A grid worker on a grid, from `assignedAt` until ended (who, why). One active row per worker and
 * grid: `active` (1, NULL once ended) is in the unique key, so two parallel assignments leave one.
 */
@Entity('grid_assignments')
@Index('UQ_grid_assignments_gridId_userId_active', ['gridId', 'userId', 'active'], { unique: true })
@Index('IX_grid_assignments_userId_endedAt', ['userId', 'endedAt'])
export class GridAssignment {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() gridId: number;
  @IdColumn() communityId: number;
  @IdColumn() userId: number;
  @IdColumn({ nullable: true, default: 1 }) active: number | null;
  @IdColumn() assignedById: number;
  @DateTimeColumn() assignedAt: Date;
  @TextColumn(200, { nullable: true }) note: string | null;
  @DateTimeColumn({ nullable: true }) endedAt: Date | null;
  @IdColumn({ nullable: true }) endedById: number | null;
  @TextColumn(200, { nullable: true }) endReason: string | null;
}
