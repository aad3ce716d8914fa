/**
 * The catalogue of cloud functions and their actions: the contract between src/services and
 * cloud/functions. Inputs are the T*Request types from ./schemas, outputs the DTOs from ./dto.
 */
import type {
  BuildingDTO,
  CompoundHomeDTO,
  CompoundSummaryDTO,
  MeDTO,
  MembershipDTO,
  Page,
  PosterDTO,
  VerifyQueueItemDTO,
  HouseholdLookupDTO,
  ProxyPlacesDTO,
  EscalationTickDTO,
  NeedBoardDTO,
  NeedCategoryDTO,
  NeedDetailDTO,
  NeedExportDTO,
  NeedReceiverDTO,
  NeedStatsDTO,
  NeedSummaryDTO,
  NotificationDTO,
  NeedTabCountsDTO,
} from './dto';
import type { InboxTab, QueueTab } from './needs';
import type {
  TCancelNeedRequest,
  TClaimableRequest,
  TCommentNeedRequest,
  TCreateNeedRequest,
  TDeclineNeedRequest,
  TDispatchNeedRequest,
  TDispatchQueueRequest,
  TEscalationTickRequest,
  THoldNeedRequest,
  TInboxRequest,
  TLadderRequest,
  TListMyNeedsRequest,
  TMarkReadRequest,
  TMergeNeedRequest,
  TNeedBoardRequest,
  TNeedExportRequest,
  TNeedRequest,
  TNeedStatsRequest,
  TNotificationsRequest,
  TRateNeedRequest,
  TReceiversRequest,
  TRejectNeedRequest,
  TReopenNeedRequest,
  TResolveNeedRequest,
  TSaveCategoryRequest,
  TTransferNeedRequest,
  TDispatchCountsRequest,
  TInboxCountsRequest,
  TMergeCandidatesRequest,
} from './needs-schemas';
import type {
  TBindHouseholdRequest,
  TCompoundRequest,
  TEmptyRequest,
  TListCompoundsRequest,
  TResolveSceneRequest,
  TUpdateMeRequest,
  TVerifyMembershipRequest,
  TVerifyQueueRequest,
  TLookupHouseholdRequest,
  TProxyPlacesRequest,
} from './schemas';

import type {
  BookingDTO,
  CentreDTO,
  DeliveryListDTO,
  ElderDTO,
  FamilyLinkDTO,
  KitchenReportDTO,
  QuoteDTO,
  RepeatWeekDTO,
  SlotDTO,
  StandingOrderDTO,
  SubsidyReportDTO,
} from './bookings.dto';
import type {
  TBookingRequest,
  TBookRequest,
  TDecideLinkRequest,
  TDeliveryListRequest,
  TLinkFamilyRequest,
  TLinkQueueRequest,
  TStandingOrderRequest,
  TStandingOrderStepRequest,
  TSubsidyReportRequest,
  TCentresRequest,
  TEldersRequest,
  TVerifyElderRequest,
  TMyBookingsRequest,
  TQuoteRequest,
  TRedeemRequest,
  TRegisterElderRequest,
  TRepeatWeekRequest,
  TSaveSlotRequest,
  TSlotRequest,
  TWeekRequest,
} from './bookings-schemas';

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
  TReplyRequest,
  TReportCommentRequest,
  TSaveWeightsRequest,
} from './ratings-schemas';
import type { TimerJobDTO } from './timers.dto';

export interface Api {
  me: {
    get: [TEmptyRequest, MeDTO];
    update: [TUpdateMeRequest, MeDTO];
  };
  community: {
    resolveScene: [TResolveSceneRequest, CompoundHomeDTO];
    getCompound: [TCompoundRequest, CompoundHomeDTO];
    listCompounds: [TListCompoundsRequest, CompoundSummaryDTO[]];
    listBuildings: [TCompoundRequest, BuildingDTO[]];
    posters: [TCompoundRequest, PosterDTO[]];
  };
  households: {
    bind: [TBindHouseholdRequest, MembershipDTO];
    mine: [TEmptyRequest, MembershipDTO[]];
    verifyQueue: [TVerifyQueueRequest, Page<VerifyQueueItemDTO>];
    verify: [TVerifyMembershipRequest, MembershipDTO];
    lookup: [TLookupHouseholdRequest, HouseholdLookupDTO];
    places: [TProxyPlacesRequest, ProxyPlacesDTO];
  };
  needs: {
    categories: [TEmptyRequest, NeedCategoryDTO[]];
    saveCategory: [TSaveCategoryRequest, NeedCategoryDTO];
    create: [TCreateNeedRequest, NeedDetailDTO];
    get: [TNeedRequest, NeedDetailDTO];
    mine: [TListMyNeedsRequest, Page<NeedSummaryDTO>];
    inbox: [TInboxRequest, Page<NeedSummaryDTO>];
    queue: [TDispatchQueueRequest, Page<NeedSummaryDTO>];
    claimable: [TClaimableRequest, Page<NeedSummaryDTO>];
    receivers: [TReceiversRequest, NeedReceiverDTO[]];
    dispatch: [TDispatchNeedRequest, NeedDetailDTO];
    publish: [TNeedRequest, NeedDetailDTO];
    claim: [TNeedRequest, NeedDetailDTO];
    accept: [TNeedRequest, NeedDetailDTO];
    decline: [TDeclineNeedRequest, NeedDetailDTO];
    transfer: [TTransferNeedRequest, NeedDetailDTO];
    start: [TNeedRequest, NeedDetailDTO];
    hold: [THoldNeedRequest, NeedDetailDTO];
    resume: [TNeedRequest, NeedDetailDTO];
    resolve: [TResolveNeedRequest, NeedDetailDTO];
    rate: [TRateNeedRequest, NeedDetailDTO];
    reopen: [TReopenNeedRequest, NeedDetailDTO];
    cancel: [TCancelNeedRequest, NeedDetailDTO];
    reject: [TRejectNeedRequest, NeedDetailDTO];
    merge: [TMergeNeedRequest, NeedDetailDTO];
    urge: [TNeedRequest, NeedDetailDTO];
    comment: [TCommentNeedRequest, NeedDetailDTO];
    board: [TNeedBoardRequest, NeedBoardDTO];
    stats: [TNeedStatsRequest, NeedStatsDTO];
    export: [TNeedExportRequest, NeedExportDTO];
    queueCounts: [TDispatchCountsRequest, NeedTabCountsDTO<QueueTab>];
    inboxCounts: [TInboxCountsRequest, NeedTabCountsDTO<InboxTab>];
    mergeCandidates: [TMergeCandidatesRequest, NeedSummaryDTO[]];
    ladder: [TLadderRequest, Page<NeedSummaryDTO>];
  };
  notifications: {
    list: [TNotificationsRequest, Page<NotificationDTO> & { unread: number }];
    markRead: [TMarkReadRequest, { updated: number }];
  };
  bookings: {
    centres: [TCentresRequest, CentreDTO[]];
    week: [TWeekRequest, SlotDTO[]];
    quote: [TQuoteRequest, QuoteDTO];
    book: [TBookRequest, BookingDTO];
    cancel: [TBookingRequest, BookingDTO];
    confirm: [TBookingRequest, BookingDTO];
    mine: [TMyBookingsRequest, Page<BookingDTO>];
    redeem: [TRedeemRequest, BookingDTO];
    deliver: [TBookingRequest, BookingDTO];
    registerElder: [TRegisterElderRequest, ElderDTO];
    myElders: [TEmptyRequest, ElderDTO[]];
    elders: [TEldersRequest, Page<ElderDTO>];
    verifyElder: [TVerifyElderRequest, ElderDTO];
    saveSlot: [TSaveSlotRequest, SlotDTO];
    kitchen: [TSlotRequest, KitchenReportDTO];
    linkFamily: [TLinkFamilyRequest, FamilyLinkDTO];
    linkQueue: [TLinkQueueRequest, FamilyLinkDTO[]];
    decideLink: [TDecideLinkRequest, FamilyLinkDTO];
    standingOrder: [TStandingOrderRequest, StandingOrderDTO];
    standingOrderStep: [TStandingOrderStepRequest, StandingOrderDTO];
    myStandingOrders: [TEmptyRequest, StandingOrderDTO[]];
    deliveries: [TDeliveryListRequest, DeliveryListDTO];
    subsidyReport: [TSubsidyReportRequest, SubsidyReportDTO];
    repeatWeek: [TRepeatWeekRequest, RepeatWeekDTO];
    myLinks: [TEmptyRequest, FamilyLinkDTO[]];
  };
  ratings: {
    rate: [TRateFirmRequest, MyRatingDTO];
    myRating: [TMyRatingRequest, MyRatingDTO];
    assess: [TAssessFirmRequest, AssessmentDTO];
    firmCard: [TFirmCardRequest, FirmCardDTO];
    leaderboard: [TLeaderboardRequest, LeaderboardDTO];
    reply: [TReplyRequest, FirmCardDTO];
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
  escalation: {
    tick: [TEscalationTickRequest, EscalationTickDTO];
    jobs: [TEmptyRequest, TimerJobDTO[]];
  };
}

export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends [infer I, unknown] ? I : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends [unknown, infer O] ? O : never;
