import { client } from './client';

/**
 * The four-order flow (居民点单 → 社区派单 → 接单 → 群众评单). create, dispatch and transfer answer small
 * (NeedChangeDTO: the page moves on or re-reads with get); the other lifecycle calls answer with
 * the fresh NeedDetailDTO.
 */
export const needs = client('needs', [
  'categories',
  'create',
  'get',
  'mine',
  'inbox',
  'queue',
  'claimable',
  'board',
  'stats',
  'export',
  'receivers',
  'dispatch',
  'transfer',
  'publish',
  'claim',
  'accept',
  'decline',
  'start',
  'hold',
  'resume',
  'resolve',
  'rate',
  'reopen',
  'cancel',
  'reject',
  'merge',
  'urge',
  'comment',
  'editTranscript',
  'ladder',
  'ladderCounts',
  'queueCounts',
  'inboxCounts',
  'mergeCandidates',
]);
