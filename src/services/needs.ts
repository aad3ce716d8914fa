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
  TListMyNeedsRequest,
  TMergeNeedRequest,
  TNeedBoardRequest,
  TNeedExportRequest,
  TNeedStatsRequest,
  TRateNeedRequest,
  TRejectNeedRequest,
  TReopenNeedRequest,
  TResolveNeedRequest,
  TTransferNeedRequest,
} from '@hg/types';
import { callFunction } from './transport';

/**
 * The four-order flow (居民点单 → 社区派单 → 接单 → 群众评单). Every lifecycle call answers with
 * the fresh NeedDetailDTO, so a page replaces its view with what the server says now.
 */
export const needs = {
  categories: () => callFunction('needs', 'categories', {}),
  create: (input: TCreateNeedRequest) => callFunction('needs', 'create', input),
  get: (needId: number) => callFunction('needs', 'get', { needId }),

  mine: (input: TListMyNeedsRequest) => callFunction('needs', 'mine', input),
  inbox: (input: TInboxRequest) => callFunction('needs', 'inbox', input),
  queue: (input: TDispatchQueueRequest) => callFunction('needs', 'queue', input),
  claimable: (input: TClaimableRequest) => callFunction('needs', 'claimable', input),
  board: (input: TNeedBoardRequest) => callFunction('needs', 'board', input),
  stats: (input: TNeedStatsRequest) => callFunction('needs', 'stats', input),
  export: (input: TNeedExportRequest) => callFunction('needs', 'export', input),

  receivers: (needId: number) => callFunction('needs', 'receivers', { needId }),
  dispatch: (input: TDispatchNeedRequest) => callFunction('needs', 'dispatch', input),
  transfer: (input: TTransferNeedRequest) => callFunction('needs', 'transfer', input),
  publish: (needId: number) => callFunction('needs', 'publish', { needId }),
  claim: (needId: number) => callFunction('needs', 'claim', { needId }),
  accept: (needId: number) => callFunction('needs', 'accept', { needId }),
  decline: (input: TDeclineNeedRequest) => callFunction('needs', 'decline', input),
  start: (needId: number) => callFunction('needs', 'start', { needId }),
  hold: (input: THoldNeedRequest) => callFunction('needs', 'hold', input),
  resume: (needId: number) => callFunction('needs', 'resume', { needId }),
  resolve: (input: TResolveNeedRequest) => callFunction('needs', 'resolve', input),
  rate: (input: TRateNeedRequest) => callFunction('needs', 'rate', input),
  reopen: (input: TReopenNeedRequest) => callFunction('needs', 'reopen', input),
  cancel: (input: TCancelNeedRequest) => callFunction('needs', 'cancel', input),
  reject: (input: TRejectNeedRequest) => callFunction('needs', 'reject', input),
  merge: (input: TMergeNeedRequest) => callFunction('needs', 'merge', input),
  urge: (needId: number) => callFunction('needs', 'urge', { needId }),
  comment: (input: TCommentNeedRequest) => callFunction('needs', 'comment', input),
};
