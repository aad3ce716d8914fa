import { In, type EntityManager } from 'typeorm';
import { type TVoiceNote, type VoiceNoteDTO, VOICE_SETTINGS } from '@hg/types';
import type { TimerJob } from '../../core/module';
import { newVoiceNote, presentVoiceNote, transcribePending } from '../../core/voice-notes';
import type { Actor } from '../identity/public';
import { readSettings } from '../settings/public';
import type { HouseholdRating } from './entities';
import { moderates } from './moderation';
import { isFirmStaff } from './rating.policy';
import { RatingVoiceNote } from './rating-voice.entity';

/** A rating's voice note is logged under the rating's comment (hidden, shown, transcript corrected). */
export const RATING_COMMENT_SUBJECT = 'rating-comment';

/**
 * The household's voice note follows its submission, like the comment: the submission that carries
 * one replaces the note (the same recording re-sent by its own author keeps its row, transcript and
 * moderation), a submission without one removes it. Runs in the rating's transaction; the file was
 * checked before (core assertVoiceUploaded). Returns the note it replaced, if any.
 */
export async function replaceRatingVoice(
  tx: EntityManager,
  ratingId: number,
  note: TVoiceNote | undefined,
  authorId: number,
  now: Date,
): Promise<RatingVoiceNote | null> {
  const existing = await tx.findOne(RatingVoiceNote, { where: { ratingId } });
  if (existing && note && existing.fileId === note.fileId && existing.uploaderId === authorId) return null;
  if (existing) await tx.delete(RatingVoiceNote, { id: existing.id });
  if (note) await tx.insert(RatingVoiceNote, { ratingId, ...newVoiceNote(note, authorId, now) });
  return existing;
}

/** The voice notes of some ratings, by rating (one read). */
export async function voicesOf(em: EntityManager, ratingIds: readonly number[]): Promise<Map<number, RatingVoiceNote>> {
  if (!ratingIds.length) return new Map();
  const rows = await em.find(RatingVoiceNote, { where: { ratingId: In([...new Set(ratingIds)]) } });
  return new Map(rows.map((v) => [v.ratingId, v]));
}

/**
 * Who hears a rating's voice note besides its author (who hears it in 评价物业 only): the
 * moderators over the compound (community / street staff, the city admin) always; the rated firm's
 * staff while neither the comment (reports, a moderator's removal) nor the note itself is hidden.
 * Nobody else: not the public board, other residents, other firms or assessors.
 */
export function hearsVoice(actor: Actor | null, rating: Pick<HouseholdRating, 'firmId' | 'streetId' | 'communityId' | 'commentStatus'>, voice: RatingVoiceNote): boolean {
  if (!actor) return false;
  if (moderates(actor, rating)) return true;
  return isFirmStaff(actor, rating.firmId) && voice.status === 'visible' && rating.commentStatus === 'visible';
}

/** Who may correct its transcript: its author while the rating is still theirs, and the moderators. */
export const editsRatingTranscript = (actor: Actor, rating: Pick<HouseholdRating, 'userId' | 'streetId' | 'communityId'>, voice: RatingVoiceNote) =>
  (voice.uploaderId === actor.userId && rating.userId === actor.userId) || moderates(actor, rating);

/** The note as `actor` gets it, or null when they may not hear it. */
export function presentRatingVoice(actor: Actor | null, rating: HouseholdRating, voice: RatingVoiceNote | undefined): VoiceNoteDTO | null {
  if (!voice || !actor || !hearsVoice(actor, rating, voice)) return null;
  return presentVoiceNote(voice, editsRatingTranscript(actor, rating, voice));
}

/** 语音转文字 for ratings' notes, outside any request (see core transcribePending). */
export const transcribeRatingVoiceNotes: TimerJob = {
  name: 'ratings.transcribeVoice',
  async run(ctx) {
    const settings = await readSettings(ctx.em, VOICE_SETTINGS);
    return transcribePending(ctx.em, RatingVoiceNote, ctx.platform.transcriber, settings.transcription);
  },
};
