import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';
import { VoiceNoteRow } from '../../core/voice-notes';

/**
 * A household's voice note (居民语音留言) on its rating, beside or instead of the comment: one per
 * rating, replaced with the submission that carries it. Never public — a recording cannot be masked
 * — so it is heard by its author, the rated firm's staff and the moderators only (docs/api.md).
 */
@Entity('rating_voice_notes')
@Index('UQ_rating_voice_notes_ratingId', ['ratingId'], { unique: true })
export class RatingVoiceNote extends VoiceNoteRow {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() ratingId: number;
  /** visible | hidden: a moderator kept it from the firm (moderators and its author still hear it). */
  @TextColumn(10, { default: 'visible' }) status: 'visible' | 'hidden';
  @IdColumn({ nullable: true }) hiddenById: number | null;
  @DateTimeColumn({ nullable: true }) hiddenAt: Date | null;
}
