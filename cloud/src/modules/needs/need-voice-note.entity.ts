import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn } from '../../core/columns';
import { VoiceNoteRow } from '../../core/voice-notes';

/**
 * A voice note (语音留言) attached like a photo: to the need itself when reported (`commentId` 0),
 * or to one comment of its thread. At most one per subject; a WAV file in the upload store. The
 * file, its length, its recorder and its transcript are every voice note's (core VoiceNoteRow).
 */
@Entity('need_voice_notes')
@Index('UQ_need_voice_notes_needId_commentId', ['needId', 'commentId'], { unique: true })
export class NeedVoiceNote extends VoiceNoteRow {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @IdColumn() needId: number;
  /** 0: the need's own note (its report); otherwise the comment it belongs to. */
  @IdColumn() commentId: number;
}
