import { maskPersonalData, ZFirmCardRequest, type FirmCardDTO } from '@hg/types';
import { definePublicAction } from '../../../core/action';
import { notFound } from '../../../core/errors';
import { communityRepo, firmWithCompounds } from '../../community/public';
import { repliesTo } from '../comment-replies';
import { computeResults } from '../compute';
import { FirmReply, HouseholdRating } from '../entities';
import { evidenceOf, seesEvidence } from '../evidence';
import { assessorsPerPeriod, publishedResults, visibleAndOpenPeriods } from '../periods';
import { moderates } from '../moderation';
import { isFirmStaff, seesPreview } from '../rating.policy';
import { isCityAdmin } from '../../identity/public';
import { presentComputed, presentStored, scoresOf } from '../rating.presenter';
import { presentRatingVoice, voicesOf } from '../rating-voice-notes';
import type { RatingVoiceNote } from '../rating-voice.entity';

/**
 * The firm card (public): the latest published stars per compound type — always with the sample
 * size, no stars below the minimum — the history for the trend, the firm's reply for that period,
 * public comments without names (personal data masked); for the firm's staff, assessors and community staff over it, a
 * live preview of the open period; each comment with the firm's reply under it, and for the firm's
 * staff and the city admin the assessors' notes and photos (考评依据); for the firm's staff and the
 * moderators each comment's voice note (never for anyone else: rating-voice-notes.ts hearsVoice). Every result carries its 评分说明 (the four criteria with their
 * weights, scores and sources, the sample against the minimum, the rounding rule).
 */
export const getFirmCard = definePublicAction({
  input: ZFirmCardRequest,
  async handler({ firmId, compoundId }, ctx) {
    const em = ctx.ds.manager;
    // The firm with its compounds, then every period the card needs: 2 statements before results.
    const served = await firmWithCompounds(em, firmId);
    if (!served) throw notFound('物业企业');
    const { firm, compounds } = served;
    const focus = compoundId ? (compounds.find((c) => c.id === compoundId) ?? (await communityRepo.compound(em, compoundId))) : null;
    const periods = await visibleAndOpenPeriods(em);
    const published = await publishedResults(em, firmId, periods.visible);
    const open = periods.open;
    const previewing = !!open && !!ctx.actor && seesPreview(ctx.actor, firmId, compounds);
    const assessors = await assessorsPerPeriod(em, firmId, [...new Set([...published.map((p) => p.period.id), ...(previewing ? [open.id] : [])])]);
    const history = published.map(({ result, period }) => presentStored(result, period, assessors.get(period.id) ?? 0));
    const latestId = published[0]?.period.id;
    const latest = history
      .filter((h) => h.periodId === latestId)
      .sort((a, b) => Number(b.compoundType === focus?.type) - Number(a.compoundType === focus?.type));
    const reply = latestId ? await em.findOne(FirmReply, { where: { periodId: latestId, firmId } }) : null;
    const comments = latestId
      ? await em.find(HouseholdRating, { where: { periodId: latestId, firmId, commentStatus: 'visible' }, order: { id: 'DESC' }, take: 20 })
      : [];
    let preview: FirmCardDTO['preview'] = null;
    if (previewing) {
      preview = (await computeResults(em, open)).filter((r) => r.firmId === firmId).map((r) => presentComputed(r, open, assessors.get(open.id) ?? 0));
    }
    const periodCode = published[0]?.period.code ?? '';
    // 居民语音留言 is read only for those who may hear some of it (the firm's staff, moderators): the
    // public's card costs no statement more, and a comment of a voice note alone is listed for them only.
    const actor = ctx.actor;
    const mayHear = !!actor && (isFirmStaff(actor, firmId) || comments.some((c) => moderates(actor, c)));
    const voices = mayHear ? await voicesOf(em, comments.map((c) => c.id)) : new Map<number, RatingVoiceNote>();
    const heard = (c: HouseholdRating) => presentRatingVoice(actor, c, voices.get(c.id));
    const shown = comments.filter((c) => c.commentPublic || heard(c));
    const replies = await repliesTo(
      em,
      shown.map((c) => c.id),
    );
    const evidence = seesEvidence(ctx.actor, firmId) && published[0] ? await evidenceOf(em, firmId, [published[0].period]) : null;
    const card: FirmCardDTO = {
      firm: { id: firm.id, name: firm.name, hotline: firm.hotline },
      results: latest,
      history,
      // A reply is public too: a door or a mobile number typed into it (「3栋1单元101的漏水已修好」) is masked like a comment's.
      reply: reply ? { periodCode, body: maskPersonalData(reply.body), updatedAt: reply.updatedAt.toISOString() } : null,
      preview,
      // What others read: the masked text, never the comment as written.
      comments: shown.map((c) => ({
        ratingId: c.id,
        body: c.commentPublic,
        scores: scoresOf(c),
        at: c.updatedAt.toISOString(),
        canMask: !!ctx.actor && moderates(ctx.actor, c),
        reply: replies.get(c.id) ?? null,
        voiceNote: heard(c),
        voiceHidden: !!actor && moderates(actor, c) && voices.get(c.id)?.status === 'hidden',
      })),
      evidence,
      reviewer: ctx.actor ? { firmStaff: isFirmStaff(ctx.actor, firmId), admin: isCityAdmin(ctx.actor) } : null,
    };
    return card;
  },
});
