import type { DispatchMode, EscalationLevel, NeedChannel, NeedEventType, NeedList, NeedPlace, NeedStatus, RejectReason } from './needs';
import type { CompoundType, HouseholdRelation, MembershipStatus, OrgKind, Role, ScopeLevel } from './enums';
import type { MeCapabilities } from './roles';
import type { SubjectKind } from './links';

/** Data transfer objects: the only shapes that leave cloud/. Built field by field in presenters. */

export interface OrgDTO {
  id: number;
  name: string;
  kind: OrgKind;
  kindLabel: string;
  /** Service hotline of the organisation (a public number, never a person's). */
  hotline: string | null;
}

export interface UnitDTO {
  id: number;
  name: string;
}

export interface BuildingDTO {
  id: number;
  name: string;
  code: string;
  units: UnitDTO[];
}

export interface CompoundSummaryDTO {
  id: number;
  name: string;
  type: CompoundType;
  typeLabel: string;
  code: string;
  community: { id: number; name: string };
  street: { id: number; name: string };
}

export interface CompoundHomeDTO extends CompoundSummaryDTO {
  address: string;
  propertyFirm: OrgDTO | null;
  services: OrgDTO[];
  buildingCount: number;
  householdCount: number;
  verifiedHouseholdCount: number;
  /** Present when the scanned code was a building's. */
  building: { id: number; name: string } | null;
  /**
   * The property firm's latest published stars for this compound's type (null before any period
   * is published); `stars` is null below the minimum sample (样本不足), `sample` always shown.
   */
  firmRating: { stars: number | null; sample: number; periodCode: string } | null;
  /** Day-care centres serving the compound, with their next open meal sittings (menus are public). */
  careCentres: {
    id: number;
    name: string;
    hotline: string | null;
    nextSittings: { slotId: number; day: string; title: string; dishes: string[]; seatsLeft: number }[];
  }[];
}

export interface RoleAssignmentDTO {
  role: Role;
  roleLabel: string;
  scopeLevel: ScopeLevel;
  scopeId: number | null;
  scopeName: string;
  organisation: { id: number; name: string } | null;
}

export interface MembershipDTO {
  id: number;
  /** The household (room) this binding is to: what needs are filed against. */
  householdId: number;
  status: MembershipStatus;
  statusLabel: string;
  relation: HouseholdRelation;
  compound: { id: number; name: string };
  building: { id: number; name: string };
  unit: { id: number; name: string };
  room: string;
  /** e.g. "3栋2单元502" */
  address: string;
  rejectReason: string | null;
  createdAt: string;
  verifiedAt: string | null;
}

/** What a verifier sees in the queue: the applicant's phone is masked (138****0000). */
export interface VerifyQueueItemDTO extends MembershipDTO {
  applicantName: string;
  applicantPhoneMasked: string;
}

export interface Page<T> {
  items: T[];
  /** Opaque keyset cursor for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface MeDTO {
  id: number;
  name: string;
  /** The user's own phone, unmasked: only ever returned to its owner. */
  phone: string | null;
  roles: RoleAssignmentDTO[];
  memberships: MembershipDTO[];
  /** True when at least one membership is verified (居民认证). */
  verifiedResident: boolean;
  /** What this person may open, decided by the server from the roles held (types/roles.ts). */
  can: MeCapabilities;
}

/** A room as staff see it when filing for a resident (代办). */
export interface HouseholdLookupDTO {
  householdId: number;
  address: string;
  verifiedMembers: number;
}

/** 代办's pickers, cut to the caller's scope: a unit head sees one unit, a building head one building. */
export interface ProxyPlacesDTO {
  compounds: { id: number; name: string }[];
  /** Buildings (with only the units in scope) of the requested compound; empty without one. */
  buildings: BuildingDTO[];
}

export interface PosterDTO {
  kind: 'compound' | 'building';
  id: number;
  name: string;
  scene: string;
  /** The H5 entry URL this code opens (the weapp code opens the entry page with `scene`). */
  url: string;
  /** `data:image/svg+xml;...` (H5 renderer) or `data:image/png;base64,...` (wxacode renderer). */
  image: string;
}

export interface DemoUserDTO {
  id: number;
  name: string;
  roleLabel: string;
  scopeName: string;
}

export interface DemoUsersDTO {
  /** Always true: this endpoint exists only in local/demo mode. */
  demo: true;
  groups: { role: Role | 'resident' | 'newcomer'; label: string; users: DemoUserDTO[] }[];
}

export interface SessionDTO {
  token: string;
  expiresAt: string;
  user: { id: number; name: string };
}

// ---- needs (issue #3) ----

export interface NeedCategoryDTO {
  id: number;
  code: string;
  name: string;
  icon: string;
  list: NeedList;
  listLabel: string;
  dispatchMode: DispatchMode;
  partyClaimable: boolean;
  acceptSlaHours: number;
  resolveSlaHours: number;
}

export interface PhotoDTO {
  fileId: string;
  /** Displayable URL (local store path, or the cloud fileID the client resolves with getTempFileURL). */
  url: string;
}

/** A recorded voice note (语音留言): a WAV file, shown as a player; same readers as the need's photos. */
export interface VoiceNoteDTO {
  fileId: string;
  /** Playable URL (local store path, or the cloud fileID the client plays directly). */
  url: string;
  durationSec: number;
  /**
   * 语音转文字 (only where the city enabled a transcriber): the text, or null while there is none.
   * Absent on notes whose owner does not transcribe (booking remarks).
   */
  transcript?: string | null;
  /** The caller may correct the transcript (its author, staff handling the subject). */
  transcriptEditable?: boolean;
}

export interface NeedReceiverDTO {
  kind: 'org' | 'user';
  id: number;
  name: string;
  /** e.g. 物业企业, 专业服务队, 党员 */
  kindLabel: string;
}

export interface NeedSummaryDTO {
  id: number;
  category: { id: number; name: string; icon: string };
  list: NeedList;
  status: NeedStatus;
  statusLabel: string;
  level: EscalationLevel;
  levelLabel: string;
  channel: NeedChannel;
  compound: { id: number; name: string };
  building: { id: number; name: string } | null;
  /** First 60 characters of the description. */
  excerpt: string;
  receiver: NeedReceiverDTO | null;
  overdue: boolean;
  urgeCount: number;
  reopenCount: number;
  rating: number | null;
  createdAt: string;
  updatedAt: string;
  /** 位置: the reporter's home, a building's public area, or the compound's. */
  place: NeedPlace;
  /** "3栋", "3栋 公共区域" or "小区公共区域": where the problem is, for rows and the detail. */
  placeLabel: string;
  /** 待核实: filed while the reporter's binding was still pending (kept after verification). */
  unverified: boolean;
  /**
   * The deadline that applies now: acceptDueAt while waiting for a receiver, resolveDueAt while
   * being worked on, null otherwise (on hold, finished). Lists show 剩余… or 已超时… from it.
   */
  dueAt: string | null;
}

export interface NeedEventDTO {
  id: number;
  type: NeedEventType;
  label: string;
  /** Role and name of who did it ("社区工作人员 杨晓燕"); "系统" for timers. */
  actor: string;
  fromStatus: NeedStatus | null;
  toStatus: NeedStatus | null;
  level: EscalationLevel | null;
  note: string | null;
  createdAt: string;
}

export interface NeedCommentDTO {
  id: number;
  author: string;
  side: 'resident' | 'receiver' | 'community';
  /** Empty when the comment is a voice note only. */
  body: string;
  voiceNote: VoiceNoteDTO | null;
  mine: boolean;
  createdAt: string;
}

/** What the caller may do next; the pages render buttons from this, the server re-checks. */
export type NeedActionName =
  | 'dispatch'
  | 'publish'
  | 'claim'
  | 'accept'
  | 'decline'
  | 'transfer'
  | 'start'
  | 'hold'
  | 'resume'
  | 'resolve'
  | 'rate'
  | 'reopen'
  | 'cancel'
  | 'reject'
  | 'merge'
  | 'urge'
  | 'comment';

/**
 * What a need action that moves the client on answers (create, dispatch, transfer): the need, where
 * it stands now, and since when — the page re-reads the detail with needs.get where it shows it.
 */
export interface NeedChangeDTO {
  id: number;
  status: NeedStatus;
  statusLabel: string;
  updatedAt: string;
}

export interface NeedDetailDTO extends NeedSummaryDTO {
  /** Empty when the resident spoke the need instead (`voiceNote`). */
  description: string;
  location: string;
  photos: PhotoDTO[];
  /** The need as spoken by the resident (语音点单), or null. */
  voiceNote: VoiceNoteDTO | null;
  resolutionNote: string | null;
  resolutionPhotos: PhotoDTO[];
  ratingComment: string | null;
  reporter: {
    name: string;
    /** Full number only for the assigned receiver while the need is open; otherwise null. */
    phone: string | null;
    phoneMasked: string;
  };
  acceptDueAt: string | null;
  resolveDueAt: string | null;
  holdUntil: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  rejectReason: RejectReason | null;
  rejectReasonLabel: string | null;
  mergedIntoId: number | null;
  events: NeedEventDTO[];
  comments: NeedCommentDTO[];
  can: NeedActionName[];
  /** The caller follows this need because their own duplicate was merged into it (not its reporter). */
  following: boolean;
  /** The caller is the need's reporter (or filed it): their 催办 counts toward escalation; a head's is 督办. */
  reporting: boolean;
  /** Duplicates merged into this need, oldest first; `excerpt` only for callers who may open that need. */
  mergedFrom: NeedMergedDTO[];
  /** 谁来处理: the receiver and the person who took it on; null until dispatched or claimed. */
  handler: NeedHandlerDTO | null;
  /**
   * For a head whose rung of the ladder the open need has not reached yet (a compound head opening
   * a need still at 楼栋): who holds it now and when it climbs to the next rung if nobody acts
   * (`escalatesAt`, null on hold). Null for everyone else.
   */
  awaitingRung: NeedAwaitingRungDTO | null;
}

/** 「楼栋长处理中，超时后升级至小区」 and the time it climbs. */
export interface NeedAwaitingRungDTO {
  /** Who answers at the need's current rung: 楼栋长, 小区长, … */
  holder: string;
  next: EscalationLevel;
  nextLabel: string;
  /** When the timer raises it if it is still waiting (its deadline, or the ladder's own clock after a climb); null while on hold. */
  escalatesAt: string | null;
}

export interface NeedMergedDTO {
  id: number;
  /** The duplicate's text (60 chars) for people who may see it; null for everyone else. */
  excerpt: string | null;
  /** The caller may open the duplicate's own page. */
  linkable: boolean;
}

/** Who is coming, for the resident: the receiving organisation (or person) and who accepted. */
export interface NeedHandlerDTO {
  /** 阆苑物业, 维修服务队, or the claiming party member's name. */
  name: string;
  kindLabel: string;
  /** The person who accepted or claimed it, when known (e.g. 孙磊). */
  person: string | null;
  /**
   * A number to call: the accepting person's phone, else the organisation's hotline. Only for the
   * need's reporter and followers, and only while the need is open; null otherwise.
   */
  phone: string | null;
}

/** Public board: counts only — no names, no phone numbers, no free text. */
export interface NeedBoardDTO {
  compound: { id: number; name: string };
  building: { id: number; name: string } | null;
  days: number;
  rows: { categoryId: number; categoryName: string; open: number; resolved: number; unfixed: number }[];
  /** Merged duplicates are counted nowhere: the surviving need carries the problem. */
  totals: { open: number; resolved: number; unfixed: number; settledInBuilding: number };
}

export interface NeedStatsDTO {
  from: string;
  to: string;
  created: number;
  /** resolved + closed (fixed) */
  solved: number;
  /** rejected + cancelled: closed without fixing (a merged duplicate is not: its problem lives on in the surviving need) */
  unfixed: number;
  open: number;
  medianFirstResponseMinutes: number | null;
  medianCompletionMinutes: number | null;
  /** Share of solved needs that never left the building level. */
  buildingLevelShare: number | null;
  averageRating: number | null;
  ratedCount: number;
  byCommunity: { id: number; name: string; created: number; solved: number; unfixed: number; buildingLevelShare: number | null }[];
  byReceiver: { kind: 'org' | 'user'; id: number; name: string; solved: number; medianCompletionMinutes: number | null; averageRating: number | null }[];
  /** Duplicates merged into another need: counted in `created`, in no outcome. */
  merged: number;
  /** Open needs past their real SLA deadline now (escalation never resets it). */
  overdue: number;
  /** Needs that climbed the ladder (left the building level) at any time. */
  escalated: number;
}

export interface NeedExportDTO {
  filename: string;
  mime: string;
  /** File content, base64, for a small file; null when it was stored and `url` links to it. */
  base64: string | null;
  /** A short-lived link to the stored file (large exports); null when `base64` carries it. */
  url: string | null;
  /** WeChat cloud storage fileID of the stored file (weapp downloads it by id); else null. */
  fileId: string | null;
  /** Size of the file in bytes. */
  bytes: number;
  rows: number;
}

/** Any exported file as handed over (the needs 台账, the subsidy report); the client's saveExport reads it. */
export type ExportFileDTO = NeedExportDTO;

/** Row counts of each tab of the 派单台 / 接单箱, under the same filters as the list. */
export type NeedTabCountsDTO<T extends string> = Record<T, number>;

export interface NotificationDTO {
  id: number;
  title: string;
  body: string;
  /** What the message is about; the client opens `linkTo(subject)` (types/links.ts). */
  subjectKind: SubjectKind | null;
  subjectId: number | null;
  read: boolean;
  createdAt: string;
}

/**
 * What one timer tick did, summed over every module's jobs (needs: escalated, resumed,
 * autoClosed; other modules add their own keys), plus the runner's own `skipped` (jobs another
 * tick was running) and `failed` (jobs that threw; recorded, the rest still ran). Per job:
 * `escalation.jobs`.
 */
export type EscalationTickDTO = Record<string, number>;
