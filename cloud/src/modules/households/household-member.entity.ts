import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { HouseholdRelation, MembershipStatus } from '@hg/types';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/** A person's binding to a household (居民认证). One row per (household, user). */
@Entity('household_members')
@Index('UQ_household_members_householdId_userId', ['householdId', 'userId'], { unique: true })
@Index('IX_household_members_userId', ['userId'])
@Index('IX_household_members_status_buildingId_id', ['status', 'buildingId', 'id'])
@Index('IX_household_members_status_compoundId_id', ['status', 'compoundId', 'id'])
@Index('IX_household_members_status_communityId_id', ['status', 'communityId', 'id'])
export class HouseholdMember {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() householdId: number;
  @IdColumn() userId: number;
  /** Copied from the household so the verify queue filters without a join. */
  @IdColumn() buildingId: number;
  @IdColumn() compoundId: number;
  @IdColumn() communityId: number;
  @Column({ type: 'varchar', length: 10 }) relation: HouseholdRelation;
  @Column({ type: 'varchar', length: 10 }) status: MembershipStatus;
  /** Name and phone as the applicant gave them, for the verifier to check. */
  @TextColumn(20) applicantName: string;
  @TextColumn(11) applicantPhone: string;
  @TextColumn(200, { nullable: true }) rejectReason: string | null;
  @IdColumn({ nullable: true }) verifiedBy: number | null;
  @DateTimeColumn({ nullable: true }) verifiedAt: Date | null;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() updatedAt: Date;
}
