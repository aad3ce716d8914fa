import { ZEditRatingTranscriptRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, notFound } from '../../../core/errors';
import { recordEvent } from '../../../core/subject-log';
import { presentVoiceNote } from '../../../core/voice-notes';
import { HouseholdRating } from '../entities';
import { editsRatingTranscript, hearsVoice, RATING_COMMENT_SUBJECT } from '../rating-voice-notes';
import { RatingVoiceNote } from '../rating-voice.entity';

/**
 * 修改语音文字 of a rating's voice note: its author (while the household's rating is still theirs)
 * or a moderator. Whoever may not hear the note gets NOT_FOUND, as for one that does not exist;
 * the firm's staff hear it but may not change a resident's words (FORBIDDEN). The replaced text
 * goes to the subject log.
 */
export const editRatingTranscript = defineAction({
  input: ZEditRatingTranscriptRequest,
  async handler({ ratingId, transcript }, ctx) {
    const now = clock.now();
    return ctx.tx(async (tx) => {
      const rating = await tx.findOne(HouseholdRating, { where: { id: ratingId } });
      const voice = rating ? await tx.findOne(RatingVoiceNote, { where: { ratingId } }) : null;
      if (!rating || !voice) throw notFound('语音');
      const mayEdit = editsRatingTranscript(ctx.actor, rating, voice);
      if (!mayEdit && !hearsVoice(ctx.actor, rating, voice)) throw notFound('语音');
      if (!mayEdit) throw forbidden('只有录音人和审核人员可以修改语音文字');
      await tx.update(RatingVoiceNote, { id: voice.id }, { transcript, transcriptStatus: 'edited' });
      await recordEvent(tx, {
        subjectKind: RATING_COMMENT_SUBJECT,
        subjectId: ratingId,
        action: 'transcript_edited',
        actorId: ctx.actor.userId,
        at: now,
        data: { before: voice.transcript, after: transcript },
      });
      return presentVoiceNote({ ...voice, transcript, transcriptStatus: 'edited' }, true);
    });
  },
});
