import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PartyReportStatus, ServiceHoursFlag, ServiceHoursStatus } from '@hg/types/party';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/**
 * 双报到: a member's report to a compound's party branch (and a building group in it). Ancestor ids
 * are copied so scope filters are single-table. `activeKey` (the member's id) is set while the
 * report is pending or confirmed and NULL otherwise: its unique key is "one active report per
 * member" in the schema (MariaDB has no partial index).
 */
@Entity('party_reports')
@Index('UQ_party_reports_activeKey', ['activeKey'], { unique: true })
@Index('IX_party_reports_compoundId_status_id', ['compoundId', 'status', 'id'])
@Index('IX_party_reports_status_validUntil', ['status', 'validUntil'])
@Index('IX_party_reports_userId_id', ['userId', 'id'])
export class PartyReport {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() userId: number;
  @IdColumn() streetId: number;
  @IdColumn() communityId: number;
  @IdColumn() compoundId: number;
  /** The building group (党小组) the member joins; null: the branch only. */
  @IdColumn({ nullable: true }) buildingId: number | null;
  @TextColumn(60) workUnit: string;
  @Column({ type: 'varchar', length: 10 }) status: PartyReportStatus;
  @TextColumn(20, { nullable: true }) activeKey: string | null;
  /** The service year (local) the report was made or renewed for. */
  @IdColumn() year: number;
  @DateTimeColumn({ nullable: true }) validUntil: Date | null;
  @IdColumn({ nullable: true }) decidedById: number | null;
  @DateTimeColumn({ nullable: true }) decidedAt: Date | null;
  @TextColumn(100, { nullable: true }) declineReason: string | null;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() updatedAt: Date;
}

/**
 * 履职承诺书: one current commitment per member per year — `currentKey` (`<user>:<year>`) is set on
 * the current row only and NULL on superseded ones (unique). Re-signing keeps the earlier row.
 */
@Entity('party_commitments')
@Index('UQ_party_commitments_currentKey', ['currentKey'], { unique: true })
@Index('IX_party_commitments_userId_year', ['userId', 'year'])
export class Commitment {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() userId: number;
  @IdColumn() reportId: number;
  @IdColumn() communityId: number;
  @IdColumn() compoundId: number;
  @IdColumn() year: number;
  @TextColumn(20) postCategory: string;
  /** JSON array of 六大员 roles. */
  @TextColumn(200) roles: string;
  @IdColumn() plannedHours: number;
  /** JSON array of the items promised. */
  @TextColumn(1000) items: string;
  @Column({ type: 'varchar', length: 10 }) status: 'current' | 'superseded';
  @TextColumn(24, { nullable: true }) currentKey: string | null;
  @DateTimeColumn() signedAt: Date;
}

/** 党群活动: a party activity is a slot of kind `activity` on the engine; this row is the programme's part. */
@Entity('party_activities')
@Index('UQ_party_activities_slotId', ['slotId'], { unique: true })
@Index('IX_party_activities_communityId_id', ['communityId', 'id'])
export class PartyActivity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() slotId: number;
  @IdColumn() streetId: number;
  @IdColumn() communityId: number;
  /** null: for the whole community. */
  @IdColumn({ nullable: true }) compoundId: number | null;
  @IdColumn() organiserId: number;
  @TextColumn(60) place: string;
  @TextColumn(500) description: string;
  @DateTimeColumn() createdAt: Date;
}

/**
 * 服务时长: one record per sign-up that was checked in (unique per engine booking). Open while the
 * member is there, pending with its minutes once out (or closed by the timer at the activity's end
 * and flagged), approved or rejected by the organiser or the branch. Corrections are events
 * (before, after, actor, reason) in the subject log.
 */
@Entity('party_hours')
@Index('UQ_party_hours_slotBookingId', ['slotBookingId'], { unique: true })
@Index('IX_party_hours_communityId_status_id', ['communityId', 'status', 'id'])
@Index('IX_party_hours_userId_year', ['userId', 'year'])
@Index('IX_party_hours_status_endsAt', ['status', 'endsAt'])
export class ServiceHours {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() userId: number;
  @IdColumn() activityId: number;
  @IdColumn() slotBookingId: number;
  @IdColumn() communityId: number;
  @IdColumn() year: number;
  @DateTimeColumn() startedAt: Date;
  @DateTimeColumn({ nullable: true }) endedAt: Date | null;
  /** The activity's end, copied so the timer finds open records past it with one index. */
  @DateTimeColumn() endsAt: Date;
  @IdColumn({ nullable: true }) minutes: number | null;
  @Column({ type: 'varchar', length: 10 }) status: ServiceHoursStatus;
  @TextColumn(20, { nullable: true }) flag: ServiceHoursFlag | null;
  @IdColumn({ nullable: true }) decidedById: number | null;
  @DateTimeColumn({ nullable: true }) decidedAt: Date | null;
  @TextColumn(100, { nullable: true }) rejectReason: string | null;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() updatedAt: Date;
}

export const PARTY_ENTITIES = [PartyReport, Commitment, PartyActivity, ServiceHours];
