import type { EntityManager } from 'typeorm';
import { type TEditNeedTranscriptRequest, type TVoiceNote, VOICE_SETTINGS } from '@hg/types';
import type { ActionContext } from '../../core/action';
import { clock } from '../../core/clock';
import { forbidden, notFound } from '../../core/errors';
import type { TimerJob } from '../../core/module';
import type { Platform } from '../../core/platform';
import { recordEvent } from '../../core/subject-log';
import { assertVoiceUploaded, newVoiceNote, transcribePending } from '../../core/voice-notes';
import type { Actor } from '../identity/public';
import { readSettings } from '../settings/public';
import { NeedCategory } from './need-category.entity';
import { isFollower } from './need-followers';
import { NeedVoiceNote } from './need-voice-note.entity';
import type { Need } from './need.entity';
import { Need as NeedRow } from './need.entity';
import { canSee, relationTo, type Relation } from './need.policy';

/** A transcript's corrections are logged under the note (not the need: its timeline is the need's steps). */
export const NEED_VOICE_SUBJECT = 'need-voice-note';

/**
 * Check the uploaded recording exists in this deployment's store (the same check as photos), then
 * attach it to the need (`commentId` 0) or to one of its comments. Runs inside the caller's
 * transaction, so a missing file leaves nothing written.
 */
export async function attachVoiceNote(
  em: EntityManager,
  platform: Platform,
  at: { needId: number; commentId: number },
  note: TVoiceNote | undefined,
  uploaderId: number,
  now: Date,
): Promise<void> {
  if (!note) return;
  await assertVoiceUploaded(platform, note);
  await em.insert(NeedVoiceNote, { ...at, ...newVoiceNote(note, uploaderId, now) });
}

/**
 * Who may correct a need's transcript: the note's own speaker, and the staff who handle the need —
 * community staff over it, its receiver, a rung of the ladder it has reached. Everyone else who
 * hears the note reads the transcript only.
 */
export const editsTranscript = (actor: Pick<Actor, 'userId'>, rel: Relation, note: Pick<NeedVoiceNote, 'uploaderId'>) =>
  note.uploaderId === actor.userId || rel.staff || rel.receiver || rel.ladder;

/**
 * 修改语音文字: correct the transcript of the need's note or of a comment's. A need the caller
 * may not see, or a note that is not there, is NOT_FOUND; a hearer who may not edit, FORBIDDEN. The
 * text it replaces goes to the subject log with the editor.
 */
export async function editNeedTranscript(ctx: ActionContext, input: TEditNeedTranscriptRequest): Promise<Need> {
  const now = clock.now();
  return ctx.tx(async (em) => {
    const need = await em.findOne(NeedRow, { where: { id: input.needId } });
    if (!need) throw notFound('需求');
    const category = await em.findOneByOrFail(NeedCategory, { id: need.categoryId });
    const rel = relationTo(ctx.actor, need, category, { follower: await isFollower(em, need.id, ctx.actor.userId) });
    if (!canSee(rel, need)) throw notFound('需求');
    const note = await em.findOne(NeedVoiceNote, { where: { needId: need.id, commentId: input.commentId ?? 0 } });
    if (!note) throw notFound('语音');
    if (!editsTranscript(ctx.actor, rel, note)) throw forbidden('只有录音人和处理该需求的工作人员可以修改语音文字');
    await em.update(NeedVoiceNote, { id: note.id }, { transcript: input.transcript, transcriptStatus: 'edited' });
    await recordEvent(em, {
      subjectKind: NEED_VOICE_SUBJECT,
      subjectId: note.id,
      action: 'transcript_edited',
      actorId: ctx.actor.userId,
      at: now,
      data: { needId: need.id, before: note.transcript, after: input.transcript },
    });
    return need;
  });
}

/**
 * 语音转文字 for needs' notes, after the upload and outside the request: with the city's `voice`
 * section on and a transcriber configured, pending notes are sent and their text written; off, they
 * are marked skipped (core transcribePending).
 */
export const transcribeNeedVoiceNotes: TimerJob = {
  name: 'needs.transcribeVoice',
  async run(ctx) {
    const settings = await readSettings(ctx.em, VOICE_SETTINGS);
    return transcribePending(ctx.em, NeedVoiceNote, ctx.platform.transcriber, settings.transcription);
  },
};
