/**
 * Needs (需求清单 / 服务清单 / 问题清单) and the four-order flow (居民点单 → 社区派单 → 接单 → 群众评单).
 * The state machine follows BRIEF §5; the transition table lives in cloud/src/modules/needs/need-status.ts.
 */

export const NeedStatus = {
  submitted: 'submitted', // 已点单
  dispatched: 'dispatched', // 已派单
  open_for_claim: 'open_for_claim', // 待认领
  accepted: 'accepted', // 已接单
  in_progress: 'in_progress', // 处理中
  on_hold: 'on_hold', // 挂起
  resolved: 'resolved', // 已办结
  closed: 'closed', // 已评单 / 自动关闭
  rejected: 'rejected', // 不予受理
  cancelled: 'cancelled', // 已撤销
  merged: 'merged', // 已合并
} as const;
export type NeedStatus = (typeof NeedStatus)[keyof typeof NeedStatus];
export const NEED_STATUS_LABEL: Record<NeedStatus, string> = {
  submitted: '已点单',
  dispatched: '已派单',
  open_for_claim: '待认领',
  accepted: '已接单',
  in_progress: '处理中',
  on_hold: '挂起',
  resolved: '已办结',
  closed: '已评单',
  rejected: '不予受理',
  cancelled: '已撤销',
  merged: '已合并',
};
/** Open = someone still owes the resident something. */
export const OPEN_NEED_STATUSES: NeedStatus[] = ['submitted', 'dispatched', 'open_for_claim', 'accepted', 'in_progress', 'on_hold'];
/** "Closed without fixing" — reported apart from resolved/closed (BRIEF §6). */
export const UNFIXED_NEED_STATUSES: NeedStatus[] = ['rejected', 'cancelled', 'merged'];
/**
 * 已办结 on every list and count: done by the receiver, whether the resident has rated it since
 * (closed with a rating), it closed unrated after the window, or not yet (resolved). A tab of
 * 'resolved' alone lost every need the moment its resident rated it.
 */
export const FINISHED_OK_STATUSES: readonly NeedStatus[] = ['resolved', 'closed'];

/** Escalation is an attribute, not a state: the ladder 小事不出楼栋、大事不出小区. */
export const EscalationLevel = {
  building: 'building',
  compound: 'compound',
  community: 'community',
  street: 'street',
} as const;
export type EscalationLevel = (typeof EscalationLevel)[keyof typeof EscalationLevel];
export const ESCALATION_ORDER: EscalationLevel[] = ['building', 'compound', 'community', 'street'];
export const LEVEL_LABEL: Record<EscalationLevel, string> = { building: '楼栋', compound: '小区', community: '社区', street: '街道' };

/** The three lists (3项清单). */
export const NeedList = { need: 'need', service: 'service', problem: 'problem' } as const;
export type NeedList = (typeof NeedList)[keyof typeof NeedList];
export const NEED_LIST_LABEL: Record<NeedList, string> = { need: '需求清单', service: '服务清单', problem: '问题清单' };

/** How a category's needs reach a receiver by default. */
export const DispatchMode = {
  assign: 'assign', // community staff dispatch by hand
  claim: 'claim', // published for party members / volunteers to claim
  property: 'property', // routed straight to the compound's property firm
} as const;
export type DispatchMode = (typeof DispatchMode)[keyof typeof DispatchMode];

/** Who filed the need. */
export const NeedChannel = {
  self: 'self', // the resident
  grid_worker: 'grid_worker', // 网格员代办
  staff: 'staff', // 社区代办
  family: 'family', // linked family member (家属代办)
  // Heads filing on foot for a neighbour. Short values: the column is varchar(12).
  unit_head: 'unit_head', // 单元长代报
  bldg_head: 'bldg_head', // 楼栋长代报
  cmpd_head: 'cmpd_head', // 小区长代报
} as const;
export type NeedChannel = (typeof NeedChannel)[keyof typeof NeedChannel];
export const CHANNEL_LABEL: Record<NeedChannel, string> = {
  self: '居民自报',
  grid_worker: '网格员代报',
  staff: '社区代报',
  family: '家属代报',
  unit_head: '单元长代报',
  bldg_head: '楼栋长代报',
  cmpd_head: '小区长代报',
};

/**
 * Where the problem is (位置), chosen on 我要点单: the reporter's home, a building's public area
 * (corridor, stairwell, roof), or the compound's public area (gate, roads, green space).
 */
export const NeedPlace = { home: 'home', building: 'building', compound: 'compound' } as const;
export type NeedPlace = (typeof NeedPlace)[keyof typeof NeedPlace];
/** Shown for a compound-wide need, where a building name would be. */
export const COMPOUND_AREA_LABEL = '小区公共区域';

/** Reason codes for 不予受理. */
export const RejectReason = {
  out_of_scope: 'out_of_scope',
  insufficient_info: 'insufficient_info',
  legal_process: 'legal_process',
  private_matter: 'private_matter',
  other: 'other',
} as const;
export type RejectReason = (typeof RejectReason)[keyof typeof RejectReason];
export const REJECT_REASON_LABEL: Record<RejectReason, string> = {
  out_of_scope: '不属于受理范围',
  insufficient_info: '信息不全，无法核实',
  legal_process: '需通过司法或仲裁途径解决',
  private_matter: '属个人私事，建议协商解决',
  other: '其他原因',
};

export const NeedEventType = {
  created: 'created',
  dispatched: 'dispatched',
  published: 'published',
  claimed: 'claimed',
  accepted: 'accepted',
  declined: 'declined',
  transferred: 'transferred',
  started: 'started',
  held: 'held',
  resumed: 'resumed',
  resolved: 'resolved',
  rated: 'rated',
  reopened: 'reopened',
  cancelled: 'cancelled',
  rejected: 'rejected',
  merged: 'merged',
  auto_closed: 'auto_closed',
  escalated: 'escalated',
  urged: 'urged',
  /** A head or staff member on the ladder pressed the receiver (督办); never counts toward escalation. */
  supervised: 'supervised',
} as const;
export type NeedEventType = (typeof NeedEventType)[keyof typeof NeedEventType];
export const NEED_EVENT_LABEL: Record<NeedEventType, string> = {
  created: '居民点单',
  dispatched: '派单', // by community staff, or by the head a need climbed to (the actor is shown beside it)
  published: '发布认领',
  claimed: '党员认领',
  accepted: '已接单',
  declined: '退单',
  transferred: '转单',
  started: '开始处理',
  held: '挂起',
  resumed: '恢复处理',
  resolved: '已办结',
  rated: '群众评单',
  reopened: '重新打开',
  cancelled: '居民撤销',
  rejected: '不予受理',
  merged: '合并为重复需求',
  auto_closed: '超期未评，自动关闭',
  escalated: '升级',
  urged: '催办',
  supervised: '督办',
};

/** Time rules of the flow, in one place. */
export const NEED_RULES = {
  reopenWindowDays: 7,
  maxReopens: 2,
  autoCloseDays: 7,
  urgeWindowMinutes: 5,
  /** Urges counted since the last escalation that raise the level again. */
  urgesToEscalate: 3,
  maxPhotos: 9,
  photoBytesMax: 5 * 1024 * 1024,
  descriptionMax: 500,
  commentMax: 500,
  noteMax: 500,
  locationMax: 100,
} as const;

/** Photo MIME types accepted for upload. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/**
 * 语音留言 for residents who cannot type: a WAV recording, 16 kHz, mono, 16-bit PCM (≈ 1.9 MB a
 * minute), the one format both the mini-program's audio player and browsers play. Chromium's
 * MediaRecorder gives webm/opus, which the weapp player cannot play, so H5 encodes WAV itself.
 * The duration is the client's, checked within these bounds; the gateway also reads it from the
 * WAV header of a local upload.
 */
export const VOICE_RULES = {
  minSeconds: 1,
  maxSeconds: 60,
  sampleRate: 16000,
  channels: 1,
  bitsPerSample: 16,
  /** 60 s of 16 kHz mono 16-bit PCM is 1,920,044 bytes; a little room for a longer header. */
  bytesMax: 2_100_000,
} as const;
/**
 * A voice note's transcript (语音转文字), where a city enabled a speech-recognition service: shown
 * beside the recording, editable by its author and the staff handling its subject. `maxLength` holds
 * a minute of speech (about 250 characters) with room for an edit.
 */
export const TRANSCRIPT_RULES = { maxLength: 500, label: '语音转文字（可能有误）', tries: 3 } as const;
/** Where a note's transcript stands: waiting for the timer, written (by the service or by a person), given up, or never sent. */
export type TranscriptStatus = 'pending' | 'done' | 'edited' | 'failed' | 'skipped';
/** A voice note in the local store (gateway uploads): `local/<sha256>.wav`. */
export const LOCAL_VOICE_ID_PATTERN = /^local\/([0-9a-f]{64}\.wav)$/;
/** A voice note in WeChat cloud storage: a `cloud://` fileID of a .wav file. */
export const CLOUD_VOICE_ID_PATTERN = /^cloud:\/\/[\w.\-/]{1,236}\.wav$/;

/**
 * 派单台 tabs. 'action' (待处理, the default) is what the community must act on: needs waiting
 * for dispatch, and any open need that is overdue or escalated to the community or above
 * (those first). The others are plain status groups.
 */
export const QUEUE_TABS = ['action', 'submitted', 'assigned', 'working', 'resolved', 'all'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];
export const QUEUE_TAB_LABEL: Record<QueueTab, string> = {
  action: '待处理',
  submitted: '待派单',
  assigned: '待接单',
  working: '处理中',
  resolved: '已办结',
  all: '全部',
};
/** Statuses each 派单台 tab lists (null: every status). */
export const QUEUE_TAB_STATUSES: Record<QueueTab, readonly NeedStatus[] | null> = {
  action: ['submitted'],
  submitted: ['submitted'],
  assigned: ['dispatched', 'open_for_claim'],
  working: ['accepted', 'in_progress', 'on_hold'],
  resolved: FINISHED_OK_STATUSES,
  all: null,
};
/** Levels at which an open need is the community's business on the 派单台 (待处理). */
export const QUEUE_ESCALATED_LEVELS: readonly EscalationLevel[] = ['community', 'street'];

/** 接单箱 tabs. 'action' (待办, the default): everything still in the receiver's hands, overdue first. */
export const INBOX_TABS = ['action', 'dispatched', 'working', 'on_hold', 'resolved', 'all'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];
export const INBOX_TAB_LABEL: Record<InboxTab, string> = {
  action: '待办',
  dispatched: '待接单',
  working: '处理中',
  on_hold: '挂起',
  resolved: '已办结',
  all: '全部',
};
export const INBOX_TAB_STATUSES: Record<InboxTab, readonly NeedStatus[] | null> = {
  action: ['dispatched', 'accepted', 'in_progress', 'on_hold'],
  dispatched: ['dispatched'],
  working: ['accepted', 'in_progress'],
  on_hold: ['on_hold'],
  resolved: FINISHED_OK_STATUSES,
  all: null,
};

/** 升级待办 tabs: every need that reached the caller's rung (overdue first), or only the overdue ones. */
export const LADDER_TABS = ['all', 'overdue'] as const;
export type LadderTab = (typeof LADDER_TABS)[number];
export const LADDER_TAB_LABEL: Record<LadderTab, string> = {
  all: '全部',
  overdue: '只看超时',
};

/** Work-list search (#123, 123 or words of the description) and merge-candidate rules. */
export const NEED_SEARCH_RULES = {
  queryMax: 50,
  /**
   * A text search covers needs filed in the last this many days (bounded index walk at city
   * scale); 搜索更早 (`older: true`) searches the needs before that.
   */
  searchWindowDays: 90,
  /** Candidates for 合并: open needs of the same category and place filed within this many days. */
  mergeWindowDays: 14,
  mergeCandidatesMax: 10,
} as const;

/** A search text that is a need number (#123 or 123): the number; otherwise null (search the text). */
export function needNumberOf(q: string): number | null {
  const m = /^#?\s*(\d{1,9})$/.exec(q.trim());
  return m ? Number(m[1]) : null;
}
