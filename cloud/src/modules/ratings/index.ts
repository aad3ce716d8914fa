import type { ActionTableFor } from '../../core/action';
import type { DomainModule } from '../../core/module';
import { communityModule } from '../community';
import { householdsModule } from '../households';
import { identityModule } from '../identity';
import { needsModule } from '../needs';
import { notificationsModule } from '../notifications';
import { settingsModule } from '../settings';
import { assessFirm } from './actions/assess-firm';
import { answerObjectionAction } from './actions/answer-objection';
import { correctResultAction } from './actions/correct-result';
import { lodgeObjectionAction } from './actions/lodge-objection';
import {
  cancelScheduledPeriod,
  closeRatingPeriod,
  editScheduledPeriod,
  finalizeRatingPeriod,
  getWeights,
  listPeriods,
  openRatingPeriod,
  publishRatingPeriod,
  saveWeights,
  schedulePeriod,
} from './actions/manage-periods';
import { editRatingTranscript } from './actions/edit-transcript';
import { hideVoice } from './actions/hide-voice';
import { maskComment } from './actions/mask-comment';
import { moderateComment } from './actions/moderate-comment';
import { rateFirm } from './actions/rate-firm';
import { replyComment } from './actions/reply-comment';
import { replyFirm } from './actions/reply-firm';
import { reportComment } from './actions/report-comment';
import { RATING_ENTITIES } from './entities';
import { CommentReplies1765846800000 } from './migrations/1765846800000-CommentReplies';
import { RatingsReview1765900000000 } from './migrations/1765900000000-RatingsReview';
import { RatingVoiceNotes1766000060000 } from './migrations/1766000060000-RatingVoiceNotes';
import { getFirmCard } from './queries/get-firm-card';
import { getLeaderboard } from './queries/get-leaderboard';
import { getMyRating } from './queries/get-my-rating';
import { getPeriodReview } from './queries/get-period-review';
import { getResultVersions } from './queries/get-result-versions';
import { listObjections } from './queries/list-objections';
import { listAssessable } from './queries/list-assessable';
import { listModerationQueue } from './queries/list-moderation-queue';
import { closeEndedPeriods, finalizeAfterPublicity, openScheduledPeriods, remindAssessorsBeforeClose } from './rating-timers';
import { REVIEW_ENTITIES } from './review.entities';
import { transcribeRatingVoiceNotes } from './rating-voice-notes';
import { RatingVoiceNote } from './rating-voice.entity';

/** The `ratings` cloud function's action table. */
export const ratingActions = {
  rate: rateFirm,
  myRating: getMyRating,
  assess: assessFirm,
  firmCard: getFirmCard,
  leaderboard: getLeaderboard,
  reply: replyFirm,
  replyComment,
  reportComment,
  moderationQueue: listModerationQueue,
  moderate: moderateComment,
  maskComment,
  hideVoice,
  editTranscript: editRatingTranscript,
  periods: listPeriods,
  openPeriod: openRatingPeriod,
  schedulePeriod,
  editPeriod: editScheduledPeriod,
  cancelPeriod: cancelScheduledPeriod,
  closePeriod: closeRatingPeriod,
  finalizePeriod: finalizeRatingPeriod,
  periodReview: getPeriodReview,
  lodgeObjection: lodgeObjectionAction,
  answerObjection: answerObjectionAction,
  objections: listObjections,
  correctResult: correctResultAction,
  resultVersions: getResultVersions,
  publishPeriod: publishRatingPeriod,
  saveWeights,
  assessable: listAssessable,
  weights: getWeights,
} satisfies ActionTableFor<'ratings'>;

/** Star ratings of property firms (星级物业). Reads needs' service data through needs/public; tells members through the Notifier. */
export const ratingsModule: DomainModule = {
  name: 'ratings',
  entities: [...RATING_ENTITIES, ...REVIEW_ENTITIES, RatingVoiceNote],
  migrations: [CommentReplies1765846800000, RatingsReview1765900000000, RatingVoiceNotes1766000060000],
  requires: [identityModule, communityModule, householdsModule, needsModule, notificationsModule, settingsModule],
  capabilities: ['assessFirms', 'manageRatings', 'moderateComments', 'replyAsFirm'],
  functions: { ratings: ratingActions },
  subjects: ['rating-period', 'rating-comment', 'rating-objection', 'firm-result'],
  /**
   * rating_update: a member who rated is told when another member of the household changes the rating.
   * rating_period: a period opened (residents, assessors) or closes soon (assessors); rating_result:
   * results published (residents, firms); rating_task: a hidden comment for moderators, a comment on
   * the firm hidden or decided; rating_comment: the author's comment hidden, removed or shown again, or the firm replied to it.
   */
  messages: ['rating_update', 'rating_period', 'rating_result', 'rating_task', 'rating_comment'],
  /** Closing runs first, so a period ending yesterday frees the calendar for one starting today in the same tick. */
  timers: [closeEndedPeriods, openScheduledPeriods, remindAssessorsBeforeClose, finalizeAfterPublicity, transcribeRatingVoiceNotes],
};
