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
  NeedBoardDTO,
  NeedCategoryDTO,
  NeedChangeDTO,
  NeedDetailDTO,
  NeedExportDTO,
  NeedReceiverDTO,
  NeedStatsDTO,
  NeedSummaryDTO,
  NotificationDTO,
  NeedTabCountsDTO,
} from './dto';
import type { InboxTab, LadderTab, QueueTab } from './needs';
import type {
  TCancelNeedRequest,
  TClaimableRequest,
  TCommentNeedRequest,
  TCreateNeedRequest,
  TDeclineNeedRequest,
  TDispatchNeedRequest,
  TDispatchQueueRequest,
  THoldNeedRequest,
  TInboxRequest,
  TLadderCountsRequest,
  TLadderRequest,
  TListMyNeedsRequest,
  TMergeNeedRequest,
  TNeedBoardRequest,
  TNeedExportRequest,
  TNeedRequest,
  TNeedStatsRequest,
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
import type { TEditNeedTranscriptRequest } from './voice-schemas';
import type { TMarkReadRequest, TNotificationsRequest } from './notifications-schemas';
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

import type { AppointmentsApi } from './appointments.api';
import type { BookingsApi } from './bookings.api';
import type { CobuildingApi } from './cobuilding';
import type { DeliberationApi } from './deliberation';
import type { GridsApi } from './grids.api';
import type { PartyApi } from './party';
import type { RatingsApi } from './ratings.api';
import type { SettingsApi } from './settings.api';
import type { TimersApi } from './timers.api';

/**
 * Every cloud function and its actions. A domain keeps its own catalogue (`<domain>.api.ts`,
 * `interface <Domain>Api { <function>: { … } }`) and adds it to the `extends` list here: one line.
 */
export interface Api extends AppointmentsApi, BookingsApi, CobuildingApi, DeliberationApi, GridsApi, PartyApi, RatingsApi, SettingsApi, TimersApi {
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
    create: [TCreateNeedRequest, NeedChangeDTO];
    get: [TNeedRequest, NeedDetailDTO];
    mine: [TListMyNeedsRequest, Page<NeedSummaryDTO>];
    inbox: [TInboxRequest, Page<NeedSummaryDTO>];
    queue: [TDispatchQueueRequest, Page<NeedSummaryDTO>];
    claimable: [TClaimableRequest, Page<NeedSummaryDTO>];
    receivers: [TReceiversRequest, NeedReceiverDTO[]];
    dispatch: [TDispatchNeedRequest, NeedChangeDTO];
    publish: [TNeedRequest, NeedDetailDTO];
    claim: [TNeedRequest, NeedDetailDTO];
    accept: [TNeedRequest, NeedDetailDTO];
    decline: [TDeclineNeedRequest, NeedDetailDTO];
    transfer: [TTransferNeedRequest, NeedChangeDTO];
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
    /** 语音转文字: the note's author or staff handling the need corrects a transcript. */
    editTranscript: [TEditNeedTranscriptRequest, NeedDetailDTO];
    board: [TNeedBoardRequest, NeedBoardDTO];
    stats: [TNeedStatsRequest, NeedStatsDTO];
    export: [TNeedExportRequest, NeedExportDTO];
    queueCounts: [TDispatchCountsRequest, NeedTabCountsDTO<QueueTab>];
    inboxCounts: [TInboxCountsRequest, NeedTabCountsDTO<InboxTab>];
    mergeCandidates: [TMergeCandidatesRequest, NeedSummaryDTO[]];
    ladder: [TLadderRequest, Page<NeedSummaryDTO>];
    ladderCounts: [TLadderCountsRequest, NeedTabCountsDTO<LadderTab>];
  };
  notifications: {
    list: [TNotificationsRequest, Page<NotificationDTO> & { unread: number }];
    markRead: [TMarkReadRequest, { updated: number }];
  };
}

export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends [infer I, unknown] ? I : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends [unknown, infer O] ? O : never;
