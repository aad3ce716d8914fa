/** The `ratings` cloud function's actions: [request, response] per action (see api.ts). */
import type {
  AssessableFirmDTO,
  AssessmentDTO,
  FirmCardDTO,
  LeaderboardDTO,
  ModerationItemDTO,
  MyRatingDTO,
  ObjectionDTO,
  PeriodDTO,
  PeriodReviewDTO,
  ResultVersionDTO,
} from './ratings.dto';
import type {
  TAssessFirmRequest,
  TFirmCardRequest,
  TLeaderboardRequest,
  TModerateRequest,
  TMaskCommentRequest,
  TMyRatingRequest,
  TOpenPeriodRequest,
  TEditPeriodRequest,
  TPeriodRequest,
  TRateFirmRequest,
  TReplyCommentRequest,
  TReplyRequest,
  TReportCommentRequest,
  TSaveWeightsRequest,
  TPublishPeriodRequest,
  TLodgeObjectionRequest,
  TAnswerObjectionRequest,
  TCorrectResultRequest,
  TObjectionsRequest,
  TResultRequest,
  THideVoiceRequest,
  TEditRatingTranscriptRequest,
} from './ratings-schemas';
import type { VoiceNoteDTO } from './dto';
import type { TEmptyRequest } from './schemas';

export interface RatingsApi {
  ratings: {
    rate: [TRateFirmRequest, MyRatingDTO];
    myRating: [TMyRatingRequest, MyRatingDTO];
    assess: [TAssessFirmRequest, AssessmentDTO];
    firmCard: [TFirmCardRequest, FirmCardDTO];
    leaderboard: [TLeaderboardRequest, LeaderboardDTO];
    reply: [TReplyRequest, FirmCardDTO];
    replyComment: [TReplyCommentRequest, FirmCardDTO];
    reportComment: [TReportCommentRequest, { reported: boolean }];
    moderationQueue: [TEmptyRequest, ModerationItemDTO[]];
    moderate: [TModerateRequest, ModerationItemDTO];
    maskComment: [TMaskCommentRequest, ModerationItemDTO];
    /** Moderators hide a rating's voice note from the firm (or give it back). */
    hideVoice: [THideVoiceRequest, ModerationItemDTO];
    /** 语音转文字: its author or a moderator corrects the transcript. */
    editTranscript: [TEditRatingTranscriptRequest, VoiceNoteDTO];
    periods: [TEmptyRequest, PeriodDTO[]];
    openPeriod: [TOpenPeriodRequest, PeriodDTO];
    /** A period starting after today: scheduled, opened by the timer on its first day. */
    schedulePeriod: [TOpenPeriodRequest, PeriodDTO];
    editPeriod: [TEditPeriodRequest, PeriodDTO];
    cancelPeriod: [TPeriodRequest, PeriodDTO];
    closePeriod: [TPeriodRequest, PeriodDTO];
    /** closed → 公示 (publicity); results public, marked 公示中. */
    publishPeriod: [TPublishPeriodRequest, PeriodDTO];
    /** publicity → published (final), once 公示 has ended and every objection is answered. */
    finalizePeriod: [TPeriodRequest, PeriodDTO];
    periodReview: [TPeriodRequest, PeriodReviewDTO];
    lodgeObjection: [TLodgeObjectionRequest, ObjectionDTO];
    answerObjection: [TAnswerObjectionRequest, ObjectionDTO];
    objections: [TObjectionsRequest, ObjectionDTO[]];
    correctResult: [TCorrectResultRequest, ResultVersionDTO[]];
    resultVersions: [TResultRequest, ResultVersionDTO[]];
    saveWeights: [TSaveWeightsRequest, Record<string, Record<string, number>>];
    assessable: [TEmptyRequest, AssessableFirmDTO[]];
    weights: [TEmptyRequest, Record<string, Record<string, number>>];
  };
}
