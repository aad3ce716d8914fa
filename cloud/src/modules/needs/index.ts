import { acceptNeed } from './actions/accept-need';
import { cancelNeed } from './actions/cancel-need';
import { claimNeed } from './actions/claim-need';
import { commentNeed } from './actions/comment-need';
import { createNeed } from './actions/create-need';
import { declineNeed } from './actions/decline-need';
import { editTranscript } from './actions/edit-transcript';
import { dispatchNeed } from './actions/dispatch-need';
import { getNeed } from './actions/get-need';
import { holdNeed } from './actions/hold-need';
import { listCategories } from './actions/list-categories';
import { listNeedReceivers } from './actions/list-receivers';
import { mergeNeed } from './actions/merge-need';
import { publishNeed } from './actions/publish-need';
import { rateNeed } from './actions/rate-need';
import { rejectNeed } from './actions/reject-need';
import { saveCategory } from './actions/save-category';
import { reopenNeed } from './actions/reopen-need';
import { resolveNeed } from './actions/resolve-need';
import { resumeNeed } from './actions/resume-need';
import { startNeed } from './actions/start-need';
import { transferNeed } from './actions/transfer-need';
import { urgeNeed } from './actions/urge-need';
import { exportNeeds } from './queries/export-needs';
import { countDispatchQueue } from './queries/count-dispatch-queue';
import { countInbox } from './queries/count-inbox';
import { listMergeCandidates } from './queries/list-merge-candidates';
import { getNeedBoard } from './queries/get-need-board';
import { getNeedStats } from './queries/get-need-stats';
import { listClaimable } from './queries/list-claimable';
import { listDispatchQueue } from './queries/list-dispatch-queue';
import { listInbox } from './queries/list-inbox';
import { listLadder } from './queries/list-ladder';
import { countLadder } from './queries/count-ladder';
import { listMyNeeds } from './queries/list-my-needs';

import type { ActionTableFor } from '../../core/action';
import type { DomainModule } from '../../core/module';
import { communityModule } from '../community';
import { householdsModule } from '../households';
import { identityModule } from '../identity';
import { notificationsModule } from '../notifications';
import { NeedCategory } from './need-category.entity';
import { NeedComment } from './need-comment.entity';
import { NeedFollower } from './need-follower.entity';
import { NeedPhoto } from './need-photo.entity';
import { NeedVoiceNote } from './need-voice-note.entity';
import { NeedVoiceNotes1765749600000 } from './migrations/1765749600000-NeedVoiceNotes';
import { NeedVoiceTranscripts1766000000000 } from './migrations/1766000000000-NeedVoiceTranscripts';
import { transcribeNeedVoiceNotes } from './need-voice-notes';
import { settingsModule } from '../settings';
import { VOICE_SETTINGS } from '@hg/types';
import { NeedsCreatedAtIndex1765920000000 } from './migrations/1765920000000-NeedsCreatedAtIndex';
import { NEED_TIMERS } from './need-timers';
import { Need } from './need.entity';
import { needsDemoSeed } from './demo-seed';

/** The `needs` cloud function's action table (lists, board, stats and export: see ./queries). */
export const needActions = {
  categories: listCategories,
  saveCategory,
  create: createNeed,
  get: getNeed,
  receivers: listNeedReceivers,
  dispatch: dispatchNeed,
  publish: publishNeed,
  claim: claimNeed,
  accept: acceptNeed,
  decline: declineNeed,
  transfer: transferNeed,
  start: startNeed,
  hold: holdNeed,
  resume: resumeNeed,
  resolve: resolveNeed,
  rate: rateNeed,
  reopen: reopenNeed,
  cancel: cancelNeed,
  reject: rejectNeed,
  merge: mergeNeed,
  urge: urgeNeed,
  comment: commentNeed,
  editTranscript,
  mine: listMyNeeds,
  inbox: listInbox,
  queue: listDispatchQueue,
  claimable: listClaimable,
  board: getNeedBoard,
  stats: getNeedStats,
  export: exportNeeds,
  queueCounts: countDispatchQueue,
  inboxCounts: countInbox,
  mergeCandidates: listMergeCandidates,
  ladder: listLadder,
  ladderCounts: countLadder,
} satisfies ActionTableFor<'needs'>;

/** Needs lists and the four-order flow (四单模式), with its escalation timers. */
export const needsModule: DomainModule = {
  name: 'needs',
  entities: [NeedCategory, Need, NeedComment, NeedPhoto, NeedFollower, NeedVoiceNote],
  migrations: [NeedVoiceNotes1765749600000, NeedsCreatedAtIndex1765920000000, NeedVoiceTranscripts1766000000000],
  requires: [identityModule, communityModule, householdsModule, notificationsModule, settingsModule],
  capabilities: ['fileForOthers', 'dispatchNeeds', 'receiveNeeds', 'claimNeeds', 'handleEscalations'],
  functions: { needs: needActions },
  subjects: ['need'],
  messages: ['need_update', 'need_task'],
  seed: needsDemoSeed,
  timers: [...NEED_TIMERS, transcribeNeedVoiceNotes],
  /** 语音转文字 (off by default): voice notes are the needs module's; ratings reads the section too. */
  settings: [VOICE_SETTINGS],
};
