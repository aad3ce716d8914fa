/**
 * 红色网格: grids of four kinds, their coverage (buildings or units) and workers with dated
 * history, and the grid workers' visit log (民情走访). Limits live here once; the schemas
 * (grids-schemas.ts) and the pages use them.
 */
import type { PhotoDTO, VoiceNoteDTO } from './dto';

/** The four functional grid kinds of the Langzhong practice. */
export const GridKind = { visits: 'visits', policy: 'policy', safety: 'safety', service: 'service' } as const;
export type GridKind = (typeof GridKind)[keyof typeof GridKind];
export const GRID_KIND_LABEL: Record<GridKind, string> = { visits: '民情走访', policy: '政策宣传', safety: '平安建设', service: '服务' };

/** How a visit was made. */
export const VisitWay = { home: 'home', phone: 'phone', wechat: 'wechat', group: 'group' } as const;
export type VisitWay = (typeof VisitWay)[keyof typeof VisitWay];
export const VISIT_WAY_LABEL: Record<VisitWay, string> = { home: '入户', phone: '电话', wechat: '微信', group: '集中' };

/** What the visit was for. */
export const VisitKind = { routine: 'routine', care: 'care', followup: 'followup', policy: 'policy', safety: 'safety' } as const;
export type VisitKind = (typeof VisitKind)[keyof typeof VisitKind];
export const VISIT_KIND_LABEL: Record<VisitKind, string> = { routine: '日常走访', care: '关爱探访', followup: '回访', policy: '政策宣传', safety: '安全检查' };

/** What a visit found, by category (counts and a line of text each). */
export const FindingCategory = {
  environment: 'environment',
  safety: 'safety',
  dispute: 'dispute',
  hardship: 'hardship',
  facility: 'facility',
  policy: 'policy',
  other: 'other',
} as const;
export type FindingCategory = (typeof FindingCategory)[keyof typeof FindingCategory];
export const FINDING_CATEGORY_LABEL: Record<FindingCategory, string> = {
  environment: '环境卫生',
  safety: '安全隐患',
  dispute: '矛盾纠纷',
  hardship: '生活困难',
  facility: '设施维修',
  policy: '政策咨询',
  other: '其他',
};

export const GRID_LIMITS = {
  nameMax: 30,
  reasonMax: 200,
  noteMax: 200,
  findingTextMax: 200,
  findingsMax: 10,
  findingCountMax: 99,
  visitNotesMax: 500,
  visitMinutesMax: 480,
  photosMax: 6,
  /** A visit can be edited by its worker this long after it was recorded; later only corrected with a reason. */
  editHours: 24,
  requestIdMax: 64,
} as const;

export interface GridCoverageDTO {
  id: number;
  buildingId: number;
  unitId: number;
  /** 3栋 or 3栋2单元, with the compound. */
  placeName: string;
  addedAt: string;
  endedAt: string | null;
  endReason: string | null;
}

export interface GridWorkerDTO {
  id: number;
  userId: number;
  name: string;
  phone: string | null;
  assignedAt: string;
  note: string | null;
  endedAt: string | null;
  endReason: string | null;
}

export interface GridDTO {
  id: number;
  communityId: number;
  communityName: string;
  kind: GridKind;
  kindLabel: string;
  name: string;
  /** Live and ended rows, oldest first. */
  coverage: GridCoverageDTO[];
  workers: GridWorkerDTO[];
  /** What the caller may do here. */
  can: ('manage' | 'visit')[];
}

export interface GridsDTO {
  items: GridDTO[];
}

export interface FindingDTO {
  id: number;
  category: FindingCategory;
  categoryLabel: string;
  count: number;
  text: string;
  solved: boolean;
  /** The need this finding became (转为需求), once. */
  needId: number | null;
}

export interface VisitCorrectionDTO {
  id: number;
  at: string;
  byName: string;
  reason: string;
  /** The changed fields, before and after. */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export interface VisitDTO {
  id: number;
  gridId: number;
  gridName: string;
  worker: { id: number; name: string };
  householdId: number | null;
  buildingId: number;
  placeName: string;
  kind: VisitKind;
  kindLabel: string;
  way: VisitWay;
  wayLabel: string;
  visitedAt: string;
  minutes: number;
  contactMade: boolean;
  notes: string;
  findings: FindingDTO[];
  photos: PhotoDTO[];
  /** The worker's voice note, heard by the worker and the staff over the grid. */
  voiceNote: VoiceNoteDTO | null;
  createdAt: string;
  /** After this the visit is locked: only corrections with a reason. */
  lockedAt: string;
  locked: boolean;
  corrections: VisitCorrectionDTO[];
  can: ('edit' | 'correct' | 'fileNeed')[];
}

export interface VisitsDTO {
  items: VisitDTO[];
  nextCursor: string | null;
}

export interface FiledFindingDTO {
  findingId: number;
  needId: number;
  /** False when another tap had already filed it: the same need is returned. */
  created: boolean;
}

/** Where a planned visit stands. */
export const PlanStatus = { planned: 'planned', done: 'done', cancelled: 'cancelled' } as const;
export type PlanStatus = (typeof PlanStatus)[keyof typeof PlanStatus];
export const PLAN_STATUS_LABEL: Record<PlanStatus, string> = { planned: '待走访', done: '已走访', cancelled: '已取消' };

/** A household staff marked for regular visits (独居老人 …), with its dated history. */
export interface VisitTargetDTO {
  id: number;
  householdId: number;
  placeName: string;
  reason: string;
  flaggedAt: string;
  endedAt: string | null;
  endReason: string | null;
}

/** A planned visit: a target household to be visited between two days (Beijing), in a grid. */
export interface PlannedVisitDTO {
  id: number;
  gridId: number;
  gridName: string;
  householdId: number;
  placeName: string;
  reason: string;
  period: string;
  earliest: string;
  latest: string;
  status: PlanStatus;
  statusLabel: string;
  overdue: boolean;
  visitId: number | null;
  cancelReason: string | null;
}

/** 今日走访: plans open now (earliest ≤ today ≤ latest), and those past their latest day. */
export interface PlannedVisitsDTO {
  due: PlannedVisitDTO[];
  overdue: PlannedVisitDTO[];
}
