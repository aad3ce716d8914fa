import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { EscalationLevel, NeedChannel, NeedList, NeedStatus, RejectReason } from '@hg/types';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/**
 * One need (需求/服务/问题) and where it stands. The place ids are where the problem is (the home,
 * a building's public area with unitId 0, or the compound's with buildingId 0 too; docs/api.md),
 * copied so scope filters and the dispatch queue are single-table, index-only scans.
 */
@Entity('needs')
@Index('IX_needs_communityId_status_id', ['communityId', 'status', 'id'])
@Index('IX_needs_communityId_id', ['communityId', 'id'])
@Index('IX_needs_reporterId_id', ['reporterId', 'id'])
@Index('IX_needs_receiverOrgId_status_id', ['receiverOrgId', 'status', 'id'])
@Index('IX_needs_receiverUserId_status_id', ['receiverUserId', 'status', 'id'])
@Index('IX_needs_status_compoundId_id', ['status', 'compoundId', 'id'])
@Index('IX_needs_status_acceptDueAt', ['status', 'acceptDueAt'])
@Index('IX_needs_status_resolveDueAt', ['status', 'resolveDueAt'])
@Index('IX_needs_status_resolvedAt', ['status', 'resolvedAt'])
@Index('IX_needs_status_holdUntil', ['status', 'holdUntil'])
@Index('IX_needs_compoundId_createdAt', ['compoundId', 'createdAt'])
@Index('IX_needs_communityId_createdAt', ['communityId', 'createdAt'])
@Index('IX_needs_createdAt', ['createdAt'])
@Index('IX_needs_createdById_id', ['createdById', 'id'])
@Index('IX_needs_receiverOrgId_communityId_id', ['receiverOrgId', 'communityId', 'id'])
@Index('IX_needs_receiverUserId_id', ['receiverUserId', 'id'])
@Index('IX_needs_status_nextEscalationAt', ['status', 'nextEscalationAt'])
@Index('IX_needs_buildingId_id', ['buildingId', 'id'])
@Index('IX_needs_mergedIntoId', ['mergedIntoId'])
export class Need {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() categoryId: number;
  @Column({ type: 'varchar', length: 10 }) list: NeedList;
  @IdColumn() streetId: number;
  @IdColumn() communityId: number;
  @IdColumn() compoundId: number;
  @IdColumn() buildingId: number;
  @IdColumn() unitId: number;
  @IdColumn() householdId: number;
  /** The resident who follows the need in the app (the filer, unless a proxy filed it). */
  @IdColumn() reporterId: number;
  /** Who typed it in: the reporter, a grid worker, staff or a family member. */
  @IdColumn() createdById: number;
  @Column({ type: 'varchar', length: 12 }) channel: NeedChannel;
  @TextColumn(500) description: string;
  @TextColumn(100, { default: '' }) location: string;
  @TextColumn(20) contactName: string;
  @TextColumn(11) contactPhone: string;
  @Column({ type: 'varchar', length: 16 }) status: NeedStatus;
  @Column({ type: 'varchar', length: 10 }) level: EscalationLevel;
  @IdColumn({ nullable: true }) receiverOrgId: number | null;
  @IdColumn({ nullable: true }) receiverUserId: number | null;
  @DateTimeColumn({ nullable: true }) acceptDueAt: Date | null;
  @DateTimeColumn({ nullable: true }) resolveDueAt: Date | null;
  /** When an overdue need may climb the ladder again; null = when its SLA deadline passes. The deadlines above never move for it. */
  @DateTimeColumn({ nullable: true }) nextEscalationAt: Date | null;
  @DateTimeColumn({ nullable: true }) holdUntil: Date | null;
  @DateTimeColumn({ nullable: true }) firstResponseAt: Date | null;
  @DateTimeColumn({ nullable: true }) resolvedAt: Date | null;
  @DateTimeColumn({ nullable: true }) closedAt: Date | null;
  @TextColumn(500, { nullable: true }) resolutionNote: string | null;
  @IdColumn({ nullable: true }) rating: number | null;
  @TextColumn(500, { nullable: true }) ratingComment: string | null;
  @IdColumn({ default: 0 }) reopenCount: number;
  @IdColumn({ default: 0 }) urgeCount: number;
  @IdColumn({ default: 0 }) urgesSinceEscalation: number;
  @DateTimeColumn({ nullable: true }) lastUrgedAt: Date | null;
  @IdColumn({ nullable: true }) mergedIntoId: number | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) rejectReason: RejectReason | null;
  /** True once the need left the building level: feeds "settled inside the building". */
  @Column({ type: 'boolean', default: false }) leftBuilding: boolean;
  /** 待核实: filed while the reporter's binding to the household was pending; kept as filed. */
  @Column({ type: 'boolean', default: false }) unverifiedReporter: boolean;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() updatedAt: Date;
}
