import { ZHideVoiceRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, invalidTransition, notFound } from '../../../core/errors';
import { recordEvent } from '../../../core/subject-log';
import { HouseholdRating } from '../entities';
import { moderates, presentModeration } from '../moderation';
import { RATING_COMMENT_SUBJECT } from '../rating-voice-notes';
import { RatingVoiceNote } from '../rating-voice.entity';

/**
 * 隐藏语音 / 恢复语音: a moderator over the compound keeps a rating's voice note from the firm (a
 * name or a phone number said aloud cannot be masked like words) or gives it back. A compare-and-set
 * on the note's state: two moderators at once decide once, the second gets INVALID_TRANSITION.
 * Logged under the comment (`voice_hidden` / `voice_shown`); the recording is kept.
 */
export const hideVoice = defineAction({
  input: ZHideVoiceRequest,
  async handler({ ratingId, hidden }, ctx) {
    const now = clock.now();
    const rating = await ctx.tx(async (tx) => {
      const r = await tx.findOne(HouseholdRating, { where: { id: ratingId } });
      if (!r || !moderates(ctx.actor, r)) throw r ? forbidden('只有社区、街道工作人员或管理员可以审核') : notFound('评价');
      const voice = await tx.findOne(RatingVoiceNote, { where: { ratingId } });
      if (!voice) throw notFound('语音');
      const [from, to] = hidden ? (['visible', 'hidden'] as const) : (['hidden', 'visible'] as const);
      const res = await tx.update(RatingVoiceNote, { id: voice.id, status: from }, { status: to, hiddenById: hidden ? ctx.actor.userId : null, hiddenAt: hidden ? now : null });
      if (res.affected !== 1) throw invalidTransition(hidden ? '该语音已隐藏' : '该语音未隐藏');
      await recordEvent(tx, {
        subjectKind: RATING_COMMENT_SUBJECT,
        subjectId: ratingId,
        action: hidden ? 'voice_hidden' : 'voice_shown',
        from,
        to,
        actorId: ctx.actor.userId,
        at: now,
      });
      return r;
    });
    const [dto] = await presentModeration(ctx.ds.manager, [rating]);
    return dto;
  },
});
