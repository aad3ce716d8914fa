import { Column, LessThan, type EntityManager, type EntityTarget } from 'typeorm';
import { TRANSCRIPT_RULES, type TranscriptStatus, type TVoiceNote, type VoiceNoteDTO } from '@hg/types';
import { DateTimeColumn, IdColumn, TextColumn } from './columns';
import { invalidInput } from './errors';
import type { Platform, Transcriber } from './platform';
import { photoUrl } from './uploads';

/**
 * What every voice note (语音留言) is, whatever it is attached to (a need, a need's comment, a
 * rating): the uploaded WAV, its length as the recording client measured it, who recorded it and
 * when, and its transcript where a city enabled one. A module's entity extends this and adds
 * where it belongs (and who may hear it: that is the module's rule, not this file's).
 */
export abstract class VoiceNoteRow {
  @TextColumn(255) fileId: string;
  /** As measured by the recording client, within VOICE_RULES (1–60 s). */
  @Column({ type: 'int' }) durationSec: number;
  @IdColumn() uploaderId: number;
  @DateTimeColumn() createdAt: Date;
  /** 语音转文字: the service's text, or a person's correction of it; null while there is none. */
  @TextColumn(TRANSCRIPT_RULES.maxLength, { nullable: true }) transcript: string | null;
  /** pending until the timer sends it (or skips it: transcription off); done | edited | failed after. */
  @TextColumn(10, { default: 'pending' }) transcriptStatus: TranscriptStatus;
  /** Failed attempts so far; at TRANSCRIPT_RULES.tries the note is marked failed and never sent again. */
  @IdColumn({ default: 0 }) transcriptTries: number;
}

/**
 * The recording must be in this deployment's store (the photo store's check: a note not uploaded,
 * or another deployment's, is INVALID_INPUT). Called inside the writing transaction, before any
 * row of the subject is written, so a missing file leaves nothing behind.
 */
export async function assertVoiceUploaded(platform: Platform, note: TVoiceNote): Promise<void> {
  if (!(await platform.photos.exists(note.fileId))) throw invalidInput('voiceNote', '语音不存在或已过期，请重新录制');
}

/** The fields of a new note's row (the transcript's are the table's defaults). */
export const newVoiceNote = (note: TVoiceNote, uploaderId: number, now: Date) => ({ fileId: note.fileId, durationSec: note.durationSec, uploaderId, createdAt: now });

/** A note as its hearers get it; `editable`: the caller may correct the transcript. */
export const presentVoiceNote = (v: VoiceNoteRow, editable = false): VoiceNoteDTO => ({
  fileId: v.fileId,
  url: photoUrl(v.fileId),
  durationSec: v.durationSec,
  transcript: v.transcript,
  transcriptEditable: editable,
});

/** Notes sent to the transcriber per job run; the next tick takes the rest. */
const TRANSCRIBE_BATCH = 20;

/**
 * The voice-note timer's work for one table: with transcription on and a transcriber configured,
 * send each pending note (outside any transaction: a slow service holds no lock), and write its
 * text by a conditional update on `pending` (a person who corrected it meanwhile keeps theirs). A
 * failure counts a try; the TRANSCRIPT_RULES.tries-th marks it failed. With transcription off (or
 * no transcriber), pending notes are marked skipped in one statement: a note recorded while
 * transcription is off is never sent to a service later.
 */
export async function transcribePending(
  em: EntityManager,
  entity: EntityTarget<VoiceNoteRow & { id: number }>,
  transcriber: Transcriber | null | undefined,
  enabled: boolean,
): Promise<{ transcribed: number; transcribeFailed: number; transcribeSkipped: number }> {
  if (!enabled || !transcriber) {
    const res = await em.update(entity, { transcriptStatus: 'pending' }, { transcriptStatus: 'skipped' });
    return { transcribed: 0, transcribeFailed: 0, transcribeSkipped: res.affected ?? 0 };
  }
  const due = await em.find(entity, {
    where: { transcriptStatus: 'pending', transcriptTries: LessThan(TRANSCRIPT_RULES.tries) },
    order: { id: 'ASC' },
    take: TRANSCRIBE_BATCH,
  });
  let transcribed = 0;
  let failed = 0;
  for (const note of due) {
    let text: string | null;
    try {
      // A service that heard no words answers '': done, with no transcript to show.
      text = (await transcriber.transcribe({ fileId: note.fileId, durationSec: note.durationSec })).trim().slice(0, TRANSCRIPT_RULES.maxLength);
    } catch {
      const tries = note.transcriptTries + 1;
      await em.update(
        entity,
        { id: note.id, transcriptStatus: 'pending', transcriptTries: note.transcriptTries },
        { transcriptTries: tries, ...(tries >= TRANSCRIPT_RULES.tries ? { transcriptStatus: 'failed' as const } : {}) },
      );
      failed++;
      continue;
    }
    const res = await em.update(entity, { id: note.id, transcriptStatus: 'pending' }, { transcript: text || null, transcriptStatus: 'done' });
    transcribed += res.affected ?? 0;
  }
  return { transcribed, transcribeFailed: failed, transcribeSkipped: 0 };
}
