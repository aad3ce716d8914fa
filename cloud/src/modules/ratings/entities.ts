import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CompoundType, PeriodStatus, ReportReason } from '@hg/types';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/** Criteria weights of one compound type (JSON Weights), configured by an admin. */
@Entity('rating_weights')
@Index('UQ_rating_weights_compoundType', ['compoundType'], { unique: true })
export class RatingWeights {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @TextColumn(16) compoundType: CompoundType;
  @TextColumn(200) weights: string;
  @DateTimeColumn() updatedAt: Date;
}

/** A rating period (quarterly by default); its weights are frozen (JSON per compound type) when it opens. */
@Entity('rating_periods')
@Index('UQ_rating_periods_code', ['code'], { unique: true })
@Index('IX_rating_periods_status', ['status'])
@Index('UQ_rating_periods_openSlot', ['openSlot'], { unique: true })
export class RatingPeriod {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @TextColumn(10) code: string;
  @TextColumn(10) startsOn: string;
  @TextColumn(10) endsOn: string;
  @TextColumn(10) status: PeriodStatus;
  /**
   * 'open' while the period is open, null after: the unique key behind "one open period at a
   * time", so two admins opening at once cannot both succeed (a check-then-insert can on MySQL).
   */
  @TextColumn(4, { nullable: true }) openSlot: 'open' | null;
  @TextColumn(600) weights: string;
  /** The last day of 公示 (Beijing time), set when it starts; null before. */
  @TextColumn(10, { nullable: true }) publicityEndsOn: string | null;
  @IdColumn() createdById: number;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() updatedAt: Date;
}

/**
 * One household's rating of the firm serving its compound in one period (unique: the household,
 * not each person, rates once; changes overwrite it and are kept in rating_changes).
 */
@Entity('household_ratings')
@Index('UQ_household_ratings_periodId_householdId', ['periodId', 'householdId'], { unique: true })
@Index('IX_household_ratings_periodId_firmId', ['periodId', 'firmId'])
@Index('IX_household_ratings_commentStatus_id', ['commentStatus', 'id'])
@Index('IX_household_ratings_periodId_firmId_compoundType_satisfaction', ['periodId', 'firmId', 'compoundType', 'satisfaction'])
export class HouseholdRating {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() periodId: number;
  @IdColumn() householdId: number;
  @IdColumn() firmId: number;
  @IdColumn() compoundId: number;
  @IdColumn() communityId: number;
  @IdColumn() streetId: number;
  @TextColumn(16) compoundType: CompoundType;
  /** Who in the household rated last (never shown publicly). */
  @IdColumn() userId: number;
  /** JSON Record<RatingDimension, 1–5>. */
  @TextColumn(200) scores: string;
  /** The household's 0–100 satisfaction: mean of the dimensions × 20. */
  @IdColumn() satisfaction: number;
  /** The comment as written: its author sees it; nobody else does. */
  @TextColumn(200) comment: string;
  /**
   * What everyone else reads: the comment with phone numbers, ID numbers and room addresses
   * masked on write (types/privacy.ts), and fragments a moderator hid.
   */
  @TextColumn(400, { default: '' }) commentPublic: string;
  /** The moderator who last hid a fragment of it, and when (null: only the automatic mask). */
  @IdColumn({ nullable: true }) maskedById: number | null;
  @DateTimeColumn({ nullable: true }) maskedAt: Date | null;
  /** visible | hidden (reported, awaiting a moderator) | removed (moderated; the text is kept). */
  @TextColumn(10) commentStatus: 'visible' | 'hidden' | 'removed';
  @IdColumn({ default: 0 }) reports: number;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() updatedAt: Date;
}

/** Every submission of a household rating, as it was. */
@Entity('rating_changes')
@Index('IX_rating_changes_ratingId_id', ['ratingId', 'id'])
export class RatingChange {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() ratingId: number;
  @IdColumn() userId: number;
  @TextColumn(200) scores: string;
  @TextColumn(200) comment: string;
  @DateTimeColumn() createdAt: Date;
}

/** An assessor's scores of one firm in one period (unique per assessor; editable until close). */
@Entity('assessor_scores')
@Index('UQ_assessor_scores_periodId_firmId_assessorId', ['periodId', 'firmId', 'assessorId'], { unique: true })
@Index('IX_assessor_scores_periodId_firmId', ['periodId', 'firmId'])
export class AssessorScore {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() periodId: number;
  @IdColumn() firmId: number;
  @IdColumn() assessorId: number;
  @IdColumn() organisation: number;
  @IdColumn() team: number;
  @IdColumn() service: number;
  @TextColumn(300) note: string;
  /** JSON string[] of evidence photo ids. */
  @TextColumn(2400) photoIds: string;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() updatedAt: Date;
}

/** One report of a comment by one person (unique: reporting twice counts once). */
@Entity('comment_reports')
@Index('UQ_comment_reports_ratingId_userId', ['ratingId', 'userId'], { unique: true })
export class CommentReport {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() ratingId: number;
  @IdColumn() userId: number;
  /** Why (举报理由): moderators see the reasons with their counts. */
  @TextColumn(10, { default: 'other' }) reason: ReportReason;
  /** By the rated firm's own staff: shown to moderators, never counted toward hiding. */
  @Column({ type: 'boolean', default: false }) byFirm: boolean;
  @DateTimeColumn() createdAt: Date;
}

/** The computed result of a firm for a period and compound type (written when the period closes). */
@Entity('firm_results')
@Index('UQ_firm_results_periodId_firmId_compoundType', ['periodId', 'firmId', 'compoundType'], { unique: true })
@Index('IX_firm_results_firmId_periodId', ['firmId', 'periodId'])
export class FirmResult {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() periodId: number;
  @IdColumn() firmId: number;
  @TextColumn(16) compoundType: CompoundType;
  @IdColumn() sample: number;
  /** Stars × 2 (half stars as integers); null below the minimum sample. */
  @IdColumn({ nullable: true }) starsX2: number | null;
  @IdColumn({ nullable: true }) composite: number | null;
  /** JSON Record<Criterion, number | null>. */
  @TextColumn(200) criteria: string;
  @IdColumn({ nullable: true }) satisfactionRaw: number | null;
  /** JSON of the needs service data. */
  @TextColumn(200) needs: string;
  @DateTimeColumn() createdAt: Date;
  /** The current version (1 as computed; each correction adds one, the figures above are its; see review.entities.ts). */
  @IdColumn({ default: 1 }) version: number;
  /** When the current version was written by a correction (已更正); null if never corrected. */
  @DateTimeColumn({ nullable: true }) correctedAt: Date | null;
}

/**
 * The firm's general statement for a period (one, editable), shown above the comments. Before
 * replies per comment it was the firm's only reply; those rows are kept as statements.
 */
@Entity('firm_replies')
@Index('UQ_firm_replies_periodId_firmId', ['periodId', 'firmId'], { unique: true })
export class FirmReply {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() periodId: number;
  @IdColumn() firmId: number;
  @TextColumn(500) body: string;
  @IdColumn() authorId: number;
  @DateTimeColumn() updatedAt: Date;
}

/**
 * The firm's current public reply to one comment (unique per rating: two replies at once leave one).
 * Replacing it keeps the earlier text in the subject log (rating-comment, `reply_replaced`).
 */
@Entity('comment_replies')
@Index('UQ_comment_replies_ratingId', ['ratingId'], { unique: true })
export class CommentReply {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() ratingId: number;
  @IdColumn() firmId: number;
  @TextColumn(500) body: string;
  @IdColumn() authorId: number;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() updatedAt: Date;
}

export const RATING_ENTITIES = [RatingWeights, RatingPeriod, HouseholdRating, RatingChange, AssessorScore, CommentReport, FirmResult, FirmReply, CommentReply];
