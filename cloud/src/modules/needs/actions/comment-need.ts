import { ZCommentNeedRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { NeedComment } from '../need-comment.entity';
import { Need } from '../need.entity';
import { communityStaffOf, forStaff, receiverUserIds, runNeedAction } from '../need-flow';
import { residentIdsOf } from '../need-followers';
import { attachVoiceNote } from '../need-voice-notes';

/**
 * The thread: resident, receiver (property staff reply here) and community talk in the app, in
 * words or with a voice note (语音留言; the words are optional then).
 */
export const commentNeed = defineAction({
  input: ZCommentNeedRequest,
  handler: ({ needId, body = '', voiceNote }, ctx) =>
    runNeedAction(ctx, needId, 'comment', async ({ em, need, actor, rel, now, notifier }) => {
      // A follower (reporter of a merged duplicate) speaks as a resident.
      const side = rel.receiver ? 'receiver' : rel.reporter || rel.follower ? 'resident' : 'community';
      const comment = await em.save(em.create(NeedComment, { needId: need.id, authorId: actor.userId, side, body, createdAt: now }));
      await attachVoiceNote(em, ctx.platform, { needId: need.id, commentId: comment.id }, voiceNote, actor.userId, now);
      await em.update(Need, { id: need.id }, { updatedAt: now, ...(side === 'receiver' && !need.firstResponseAt ? { firstResponseAt: now } : {}) });
      // Residents following a merged duplicate read the thread too, so they hear the replies.
      const others = [
        ...(await residentIdsOf(em, need)),
        ...(await receiverUserIds(em, need)),
        ...(side !== 'community' ? await communityStaffOf(em, need) : []),
      ];
      const excerpt = [voiceNote ? `[语音 ${voiceNote.durationSec}秒]` : '', body.slice(0, 40)].filter(Boolean).join(' ');
      await notifier.to(em, others, { title: '新留言', body: `#${need.id} ${excerpt}`, ...forStaff(need) }, actor.userId);
    }),
});
