import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/**
 * A person a centre serves (建档): 60+, with the profile the kitchen and the subsidy need. Many
 * have no phone or account (`userId` null): staff and grid workers book for them. Age, 独居 and
 * 低保 / 特困 earn a subsidy only once centre staff verified them (`verifiedAt`); until then they are the
 * elder's own declaration. Who sees which part of the row: elder-visibility.ts.
 */
@Entity('elders')
@Index('UQ_elders_centreId_userId', ['centreId', 'userId'], { unique: true })
@Index('IX_elders_centreId_name', ['centreId', 'name'])
@Index('IX_elders_userId', ['userId'])
@Index('IX_elders_buildingId', ['buildingId'])
export class Elder {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() centreId: number;
  @IdColumn() streetId: number;
  @IdColumn() communityId: number;
  @IdColumn({ nullable: true }) userId: number | null;
  @IdColumn({ nullable: true }) householdId: number | null;
  @TextColumn(20) name: string;
  @TextColumn(11, { nullable: true }) phone: string | null;
  /** Elders without a mobile: a landline (区号-号码) and/or a guardian to call instead. */
  @TextColumn(16, { nullable: true }) landline: string | null;
  @TextColumn(20, { nullable: true }) guardianName: string | null;
  @TextColumn(11, { nullable: true }) guardianPhone: string | null;
  /** Home below the community when known (from a household): lets that building's heads 代订. */
  @IdColumn({ nullable: true }) compoundId: number | null;
  @IdColumn({ nullable: true }) buildingId: number | null;
  @IdColumn({ nullable: true }) unitId: number | null;
  @TextColumn(60) address: string;
  @IdColumn() birthYear: number;
  @Column({ type: 'boolean', default: false }) livesAlone: boolean;
  @Column({ type: 'boolean', default: false }) dibao: boolean;
  /** 特困供养人员: a category like 低保 (same verification, same visibility, its own tier). */
  @Column({ type: 'boolean', default: false }) tekun: boolean;
  /** Bumped by every booking for this elder: the row lock that makes a weekly quota hold on MySQL. */
  @IdColumn({ default: 0 }) bookingSeq: number;
  /** Diet tags joined by ',' (a portable column; see dietsOf). */
  @TextColumn(60) diets: string;
  @TextColumn(100) allergies: string;
  @IdColumn() createdById: number;
  @DateTimeColumn() createdAt: Date;
  /** Centre staff who checked age, 独居 and 低保 against documents (null: declared, not yet verified). */
  @IdColumn({ nullable: true }) verifiedById: number | null;
  @DateTimeColumn({ nullable: true }) verifiedAt: Date | null;
}
