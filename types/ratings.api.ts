/** The `ratings` cloud function's actions: [request, response] per action (see api.ts). */
import type { AssessableFirmDTO, AssessmentDTO, FirmCardDTO, LeaderboardDTO, ModerationItemDTO, MyRatingDTO, PeriodDTO } from './ratings.dto';
import type {
  TAssessFirmRequest,
  TFirmCardRequest,
  TLeaderboardRequest,
  TModerateRequest,
  TMaskCommentRequest,
  TMyRatingRequest,
  TOpenPeriodRequest,
  TPeriodRequest,
  TRateFirmRequest,
  TReplyCommentRequest,
  TReplyRequest,
  TReportCommentRequest,
  TSaveWeightsRequest,
} from './ratings-schemas';
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
    periods: [TEmptyRequest, PeriodDTO[]];
    openPeriod: [TOpenPeriodRequest, PeriodDTO];
    closePeriod: [TPeriodRequest, PeriodDTO];
    publishPeriod: [TPeriodRequest, PeriodDTO];
    saveWeights: [TSaveWeightsRequest, Record<string, Record<string, number>>];
    assessable: [TEmptyRequest, AssessableFirmDTO[]];
    weights: [TEmptyRequest, Record<string, Record<string, number>>];
  };
}
