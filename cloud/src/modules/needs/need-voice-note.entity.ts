import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, IdColumn, TextColumn } from '../../core/columns';

/**
 * A voice note (语音留言) attached like a photo: to the need itself when reported (`commentId` 0),
 * or to one comment of its thread. At most one per subject; a WAV file in the upload store.
 */
@Entity('need_voice_notes')
@Index('UQ_need_voice_notes_needId_commentId', ['needId', 'commentId'], { unique: true })
export class NeedVoiceNote {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() needId: number;
  /** 0: the need's own note (its report); otherwise the comment it belongs to. */
  @IdColumn() commentId: number;
  @TextColumn(255) fileId: string;
  /** As measured by the recording client, within VOICE_RULES (1–60 s). */
  @Column({ type: 'int' }) durationSec: number;
  @IdColumn() uploaderId: number;
  @DateTimeColumn() createdAt: Date;
}
