import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ObjectionStatus } from '@hg/types';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/**
 * Every version of a firm result, the first as computed at the close: a correction writes the
 * next (unique per result and version, so two at once become 2 and 3) and never changes an old one.
 */
@Entity('firm_result_versions')
@Index('UQ_firm_result_versions_resultId_version', ['resultId', 'version'], { unique: true })
export class FirmResultVersion {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() resultId: number;
  @IdColumn() version: number;
  @IdColumn({ nullable: true }) starsX2: number | null;
  @IdColumn({ nullable: true }) composite: number | null;
  /** JSON Record<Criterion, number | null>. */
  @TextColumn(200) criteria: string;
  @TextColumn(200) reason: string;
  /** Who wrote it; null for the computed first version. */
  @IdColumn({ nullable: true }) actorId: number | null;
  /** The upheld objection it answers, if any. */
  @IdColumn({ nullable: true }) objectionId: number | null;
  @DateTimeColumn() createdAt: Date;
}

/** A firm's objection (申诉) to one of its results during 公示; only the firm and the admin see it. */
@Entity('rating_objections')
@Index('IX_rating_objections_periodId_status', ['periodId', 'status'])
@Index('IX_rating_objections_firmId_periodId', ['firmId', 'periodId'])
export class RatingObjection {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() periodId: number;
  @IdColumn() firmId: number;
  @IdColumn() resultId: number;
  @TextColumn(500) body: string;
  /** JSON string[] of evidence photo ids. */
  @TextColumn(2400) photoIds: string;
  @TextColumn(10) status: ObjectionStatus;
  @TextColumn(300, { default: '' }) answer: string;
  @IdColumn() authorId: number;
  @IdColumn({ nullable: true }) answeredById: number | null;
  @DateTimeColumn({ nullable: true }) answeredAt: Date | null;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() updatedAt: Date;
}

export const REVIEW_ENTITIES = [FirmResultVersion, RatingObjection];
