import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { BallotChannel, MatterScopeLevel, MatterStatus } from '@hg/types/deliberation';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/**
 * 议题: a matter on the five-step machine (matter-status.ts). Ancestor ids are copied so scope
 * filters are single-table; `buildingId`/`unitId` are null for a wider scope. The rule is frozen
 * from the city's settings at publication (and again at each new version).
 */
@Entity('deliberation_matters')
@Index('IX_deliberation_matters_compoundId_status_id', ['compoundId', 'status', 'id'])
@Index('IX_deliberation_matters_status_opensAt', ['status', 'opensAt'])
@Index('IX_deliberation_matters_status_closesAt', ['status', 'closesAt'])
@Index('UQ_deliberation_matters_sourceNeedId', ['sourceNeedId'], { unique: true })
export class Matter {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @TextColumn(60) title: string;
  @TextColumn(2000) text: string;
  /** The options as a JSON array of strings (2–10). */
  @TextColumn(1200) options: string;
  @Column({ type: 'varchar', length: 10 }) scopeLevel: MatterScopeLevel;
  @IdColumn() streetId: number;
  @IdColumn() communityId: number;
  @IdColumn() compoundId: number;
  @IdColumn({ nullable: true }) buildingId: number | null;
  @IdColumn({ nullable: true }) unitId: number | null;
  @Column({ type: 'varchar', length: 12 }) status: MatterStatus;
  /** 0 in draft; 1 at publication; +1 for every new version. */
  @IdColumn({ default: 0 }) version: number;
  @TextColumn(8, { nullable: true }) contentHash: string | null;
  /** Who drafted it; null for a draft the timer proposed from a need. */
  @IdColumn({ nullable: true }) proposerId: number | null;
  /** The need this matter was proposed from: once per need (unique). */
  @IdColumn({ nullable: true }) sourceNeedId: number | null;
  @DateTimeColumn({ nullable: true }) publishedAt: Date | null;
  @DateTimeColumn({ nullable: true }) opensAt: Date | null;
  @DateTimeColumn({ nullable: true }) closesAt: Date | null;
  @IdColumn({ nullable: true }) quorumPercent: number | null;
  @IdColumn({ nullable: true }) approvalPercent: number | null;
  @IdColumn({ nullable: true }) noticeDays: number | null;
  /** The version whose "closing soon" reminder went out (a conditional update sets it once). */
  @IdColumn({ nullable: true }) remindedVersion: number | null;
  @TextColumn(200, { nullable: true }) withdrawnReason: string | null;
  @TextColumn(2000, { nullable: true }) outcome: string | null;
  @DateTimeColumn({ nullable: true }) outcomePublishedAt: Date | null;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() updatedAt: Date;
}

/** The frozen text of each published version (the notice shows its number and hash). */
@Entity('deliberation_versions')
@Index('UQ_deliberation_versions_matterId_version', ['matterId', 'version'], { unique: true })
export class MatterVersion {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() matterId: number;
  @IdColumn() version: number;
  @TextColumn(60) title: string;
  @TextColumn(2000) text: string;
  @TextColumn(1200) options: string;
  @TextColumn(8) contentHash: string;
  @IdColumn() eligible: number;
  @DateTimeColumn() publishedAt: Date;
  @IdColumn() publishedById: number;
}

/** The electorate of a version: every household of the scope at publication, one row each. */
@Entity('deliberation_electorate')
@Index('UQ_deliberation_electorate_matterId_version_householdId', ['matterId', 'version', 'householdId'], { unique: true })
export class ElectorateRow {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() matterId: number;
  @IdColumn() version: number;
  @IdColumn() householdId: number;
}

export type BallotStatus = 'current' | 'superseded' | 'voided';

/**
 * 选票: a household's choice on one version. `currentKey` (`<matter>:<version>:<household>`) is set
 * on the household's current ballot only and NULL on superseded and voided rows: its unique key
 * is "at most one current ballot per household per version" in the schema. Old rows are kept.
 */
@Entity('deliberation_ballots')
@Index('UQ_deliberation_ballots_currentKey', ['currentKey'], { unique: true })
@Index('IX_deliberation_ballots_matterId_version_status', ['matterId', 'version', 'status'])
@Index('IX_deliberation_ballots_householdId', ['householdId'])
export class Ballot {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() matterId: number;
  @IdColumn() version: number;
  @IdColumn() householdId: number;
  @IdColumn() optionIndex: number;
  @Column({ type: 'varchar', length: 10 }) channel: BallotChannel;
  /** The member who voted online, or the staff member/head who entered a paper ballot. */
  @IdColumn() castById: number;
  @Column({ type: 'varchar', length: 10 }) status: BallotStatus;
  @TextColumn(40, { nullable: true }) currentKey: string | null;
  @DateTimeColumn() castAt: Date;
  @DateTimeColumn({ nullable: true }) endedAt: Date | null;
}

/** The stored tally of a closed vote, written once (unique per matter) by the one close function. */
@Entity('deliberation_tallies')
@Index('UQ_deliberation_tallies_matterId', ['matterId'], { unique: true })
export class Tally {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() matterId: number;
  @IdColumn() version: number;
  @IdColumn() eligible: number;
  @IdColumn() ballots: number;
  @IdColumn() online: number;
  @IdColumn() meeting: number;
  @IdColumn() proxy: number;
  /** Ballots per option, JSON array in option order. */
  @TextColumn(200) counts: string;
  @Column({ type: 'boolean' }) quorumMet: boolean;
  @Column({ type: 'boolean' }) approved: boolean;
  @IdColumn({ nullable: true }) leadingOption: number | null;
  @IdColumn() quorumPercent: number;
  @IdColumn() approvalPercent: number;
  @DateTimeColumn() closedAt: Date;
  @IdColumn({ nullable: true }) closedById: number | null;
}

export const DELIBERATION_ENTITIES = [Matter, MatterVersion, ElectorateRow, Ballot, Tally];
