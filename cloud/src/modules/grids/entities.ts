import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FindingCategory, GridKind, PlanStatus, VisitKind, VisitWay } from '@hg/types/grids';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';
import { VoiceNoteRow } from '../../core/voice-notes';

/** A red grid (红色网格) of a community: its kind and name. What it covers and who works it are the kernel's rows (identity grid-scope). */
@Entity('grids')
@Index('IX_grids_communityId', ['communityId'])
export class Grid {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() streetId: number;
  @IdColumn() communityId: number;
  @Column({ type: 'varchar', length: 12 }) kind: GridKind;
  @TextColumn(30) name: string;
  @IdColumn() createdById: number;
  @DateTimeColumn() createdAt: Date;
}

/**
 * One visit (走访) by a grid worker: to a household, or to a building (集中 or a public area). Its
 * worker may edit it until `lockedAt` (24 hours after it was recorded); after that only corrections
 * with a reason are appended (grid_visit_corrections). `(workerId, requestId)` is unique: a retried
 * submit gets the visit it made.
 */
@Entity('grid_visits')
@Index('UQ_grid_visits_workerId_requestId', ['workerId', 'requestId'], { unique: true })
@Index('IX_grid_visits_gridId_id', ['gridId', 'id'])
@Index('IX_grid_visits_workerId_id', ['workerId', 'id'])
export class GridVisit {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() gridId: number;
  @IdColumn() communityId: number;
  @IdColumn() workerId: number;
  @TextColumn(64) requestId: string;
  @IdColumn({ nullable: true }) householdId: number | null;
  @IdColumn() buildingId: number;
  @IdColumn({ default: 0 }) unitId: number;
  @Column({ type: 'varchar', length: 12 }) kind: VisitKind;
  @Column({ type: 'varchar', length: 8 }) way: VisitWay;
  @DateTimeColumn() visitedAt: Date;
  @IdColumn() minutes: number;
  @Column({ type: 'boolean' }) contactMade: boolean;
  @TextColumn(500, { default: '' }) notes: string;
  @Column({ type: 'simple-json' }) photoIds: string[];
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() lockedAt: Date;
  @DateTimeColumn({ nullable: true }) updatedAt: Date | null;
}

/**
 * What a visit found, one category per row. `needId` is set once, by a conditional update on
 * `needId IS NULL` in the transaction that files the need, so parallel taps file one need; the
 * unique key on it keeps one finding per need.
 */
@Entity('grid_findings')
@Index('IX_grid_findings_visitId', ['visitId'])
@Index('UQ_grid_findings_needId', ['needId'], { unique: true })
export class GridFinding {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() visitId: number;
  @Column({ type: 'varchar', length: 16 }) category: FindingCategory;
  @IdColumn() count: number;
  @TextColumn(200, { default: '' }) text: string;
  @Column({ type: 'boolean' }) solved: boolean;
  @IdColumn({ nullable: true }) needId: number | null;
  @DateTimeColumn({ nullable: true }) filedAt: Date | null;
}

/** A correction of a locked visit: who, when, why, and the changed fields before and after. Append-only. */
@Entity('grid_visit_corrections')
@Index('IX_grid_visit_corrections_visitId', ['visitId'])
export class GridVisitCorrection {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() visitId: number;
  @IdColumn() byId: number;
  @DateTimeColumn() at: Date;
  @TextColumn(200) reason: string;
  @Column({ type: 'simple-json' }) before: Record<string, unknown>;
  @Column({ type: 'simple-json' }) after: Record<string, unknown>;
}

/** A visit's voice note (语音), heard by the grid's workers and the community's staff. One per visit. */
@Entity('grid_visit_voice_notes')
@Index('UQ_grid_visit_voice_notes_visitId', ['visitId'], { unique: true })
export class GridVisitVoiceNote extends VoiceNoteRow {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() visitId: number;
}

/**
 * A household community staff marked for planned visits (独居老人, 困难户 …), from `flaggedAt` until
 * ended (who, why). One live row per household: `active` (1, NULL once ended) is in the unique key.
 */
@Entity('grid_targets')
@Index('UQ_grid_targets_householdId_active', ['householdId', 'active'], { unique: true })
@Index('IX_grid_targets_communityId_endedAt', ['communityId', 'endedAt'])
export class GridTarget {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() householdId: number;
  @IdColumn() communityId: number;
  @TextColumn(200) reason: string;
  @IdColumn({ nullable: true, default: 1 }) active: number | null;
  @IdColumn() flaggedById: number;
  @DateTimeColumn() flaggedAt: Date;
  @DateTimeColumn({ nullable: true }) endedAt: Date | null;
  @IdColumn({ nullable: true }) endedById: number | null;
  @TextColumn(200, { nullable: true }) endReason: string | null;
}

/**
 * A planned visit: a target household in a grid, to be visited between `earliest` and `latest`
 * (Beijing days) of one period. `(householdId, period)` is unique, so overlapping timer ticks plan a
 * period once. Done by the first visit recorded to the household in the window; cancelled only
 * with a reason.
 */
@Entity('grid_plans')
@Index('UQ_grid_plans_householdId_period', ['householdId', 'period'], { unique: true })
@Index('IX_grid_plans_gridId_status_latest', ['gridId', 'status', 'latest'])
export class GridPlan {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() targetId: number;
  @IdColumn() householdId: number;
  @IdColumn() gridId: number;
  /** The period's first month, `2026-12`. */
  @TextColumn(7) period: string;
  @TextColumn(10) earliest: string;
  @TextColumn(10) latest: string;
  @Column({ type: 'varchar', length: 10 }) status: PlanStatus;
  @IdColumn({ nullable: true }) visitId: number | null;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn({ nullable: true }) closedAt: Date | null;
  @IdColumn({ nullable: true }) closedById: number | null;
  @TextColumn(200, { nullable: true }) cancelReason: string | null;
}
