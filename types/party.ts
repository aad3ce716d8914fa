/**
 * 党员双报到 and 履职: a party member reports to one compound at a time (双报到), the community's
 * party branch confirms it for a year; the member signs a duty commitment (履职承诺书) and serves at
 * activities on the slot engine, whose hours count only once approved. Values only; the zod schemas
 * and the settings section live in ./party-schemas.ts.
 */
import type { Page } from './dto';
import type {
  TActivitiesRequest,
  TAttendRequest,
  TCommitmentRequest,
  TCorrectHoursRequest,
  TDecideHoursRequest,
  TDecideReportRequest,
  THoursListRequest,
  TMyHoursRequest,
  TPublishActivityRequest,
  TReportRequest,
  TReportsRequest,
  TSignCommitmentRequest,
  TSignUpRequest,
  TWithdrawReportRequest,
  TEmptyPartyRequest,
} from './party-schemas';

/**
 * A report's life: 待确认 pending → 已确认 confirmed (for a year) → 已过期 lapsed (the timer) →
 * renewed to pending again; or 未通过 declined (with a reason), or 已撤回 withdrawn by the member.
 */
export const PartyReportStatus = {
  pending: 'pending',
  confirmed: 'confirmed',
  declined: 'declined',
  lapsed: 'lapsed',
  withdrawn: 'withdrawn',
} as const;
export type PartyReportStatus = (typeof PartyReportStatus)[keyof typeof PartyReportStatus];
export const PARTY_REPORT_STATUS_LABEL: Record<PartyReportStatus, string> = {
  pending: '待确认',
  confirmed: '已报到',
  declined: '未通过',
  lapsed: '已过期，请续报',
  withdrawn: '已撤回',
};
/** States that hold the member's one active report (its unique key is set only on these). */
export const ACTIVE_REPORT_STATUSES: readonly PartyReportStatus[] = ['pending', 'confirmed'];

/**
 * Hours of service: 进行中 open (checked in, not yet out) → 待审核 pending (times known) →
 * 已认定 approved or 未认定 rejected. Only approved hours count anywhere.
 */
export const ServiceHoursStatus = {
  open: 'open',
  pending: 'pending',
  approved: 'approved',
  rejected: 'rejected',
} as const;
export type ServiceHoursStatus = (typeof ServiceHoursStatus)[keyof typeof ServiceHoursStatus];
export const SERVICE_HOURS_STATUS_LABEL: Record<ServiceHoursStatus, string> = {
  open: '进行中',
  pending: '待审核',
  approved: '已认定',
  rejected: '未认定',
};

/** Why a record of hours needs a closer look. */
export const ServiceHoursFlag = {
  /** Nobody checked the member out: the timer closed it at the activity's end. */
  missed_checkout: 'missed_checkout',
} as const;
export type ServiceHoursFlag = (typeof ServiceHoursFlag)[keyof typeof ServiceHoursFlag];
export const SERVICE_HOURS_FLAG_LABEL: Record<ServiceHoursFlag, string> = {
  missed_checkout: '未签退，已按活动结束时间截止，请核对',
};

export const PARTY_LIMITS = {
  workUnitMax: 60,
  reasonMax: 100,
  itemMax: 60,
  itemsMax: 10,
  rolesMax: 6,
  categoryMax: 20,
  /** Planned hours for a year: the city's `plannedHoursMax` setting bounds it further. */
  plannedHoursCap: 2000,
  activityDescriptionMax: 500,
  placeMax: 60,
  capacityMax: 500,
  /** A correction sets the minutes of one record: at most a day. */
  minutesMax: 24 * 60,
  /** How long a confirmed report lasts before it must be renewed (months). */
  reportMonths: 12,
  pageSize: 20,
} as const;

/** The city's settings section 党员履职 (defaults; an admin may change them on 城市配置). */
export const PARTY_SETTINGS_DEFAULTS = {
  /** 岗位类别: the five post categories a commitment picks one of. */
  postCategories: ['政策宣传岗', '环境卫生岗', '平安监督岗', '综合服务岗', '文明倡导岗'],
  /** 六大员: the roles a commitment picks from. */
  roles: ['政策宣传员', '矛盾调解员', '环境监督员', '治安巡逻员', '文明引导员', '志愿服务员'],
  /** Planned hours per year at most. */
  plannedHoursMax: 200,
};

/** A place in the branch structure: the compound's branch and the building group. */
export interface PartyBranchDTO {
  compoundId: number;
  /** 锦屏花园党支部 */
  branchName: string;
  buildingId: number | null;
  /** 3栋党小组, or null when the member joined no building group. */
  groupName: string | null;
}

export interface PartyReportDTO {
  id: number;
  status: PartyReportStatus;
  statusLabel: string;
  /** The service year (local), renewed yearly. */
  year: number;
  branch: PartyBranchDTO;
  communityId: number;
  workUnit: string;
  memberId: number;
  memberName: string;
  /** Masked for the confirmer; the member's own in full. */
  memberPhone: string | null;
  createdAt: string;
  decidedAt: string | null;
  /** Until when a confirmed report holds; after it the member renews. */
  validUntil: string | null;
  declineReason: string | null;
  can: { confirm: boolean; decline: boolean; withdraw: boolean; renew: boolean };
}

export interface CommitmentDTO {
  id: number;
  year: number;
  postCategory: string;
  roles: string[];
  plannedHours: number;
  items: string[];
  signedAt: string;
}

/**
 * A member's year: the commitment beside the hours. `recordedHours` is null when no hours were
 * recorded at all (not zero); `approvedHours` only counts approved records (null likewise).
 */
export interface CommitmentSummaryDTO {
  year: number;
  report: PartyReportDTO | null;
  commitment: CommitmentDTO | null;
  plannedHours: number | null;
  recordedHours: number | null;
  approvedHours: number | null;
  pendingRecords: number;
  /** The city's lists, for the form. */
  postCategories: string[];
  roles: string[];
  plannedHoursMax: number;
}

export interface ActivityDTO {
  id: number;
  slotId: number;
  title: string;
  description: string;
  place: string;
  communityId: number;
  compoundId: number | null;
  startsAt: string;
  endsAt: string;
  cutoffAt: string;
  capacity: number;
  taken: number;
  status: 'published' | 'withdrawn';
  /** The caller's live sign-up: its status and the check-in code to show at the venue. */
  mine: { bookingId: number; status: string; code: string } | null;
  can: { signUp: boolean; run: boolean };
}

export interface ServiceHoursDTO {
  id: number;
  memberId: number;
  memberName: string;
  activityId: number | null;
  title: string;
  startedAt: string;
  endedAt: string | null;
  /** Hours with one decimal; null while the member is still checked in. */
  hours: number | null;
  minutes: number | null;
  status: ServiceHoursStatus;
  statusLabel: string;
  flag: ServiceHoursFlag | null;
  flagLabel: string | null;
  decidedAt: string | null;
  rejectReason: string | null;
  can: { decide: boolean; correct: boolean };
}

export interface PartyApi {
  party: {
    /** 双报到: the member reports to a compound (and optionally a building group). */
    report: [TReportRequest, PartyReportDTO];
    /** The member's current report (the latest one), or null. */
    myReport: [TEmptyPartyRequest, PartyReportDTO | null];
    /** A lapsed report starts again for this year: pending until the branch confirms it. */
    renew: [TWithdrawReportRequest, PartyReportDTO];
    withdraw: [TWithdrawReportRequest, PartyReportDTO];
    /** 报到审核: the reports of a compound by status, for the confirmer. */
    reports: [TReportsRequest, Page<PartyReportDTO>];
    confirm: [TWithdrawReportRequest, PartyReportDTO];
    decline: [TDecideReportRequest, PartyReportDTO];
    /** 履职承诺书: sign (or re-sign) this year's commitment; the earlier one is kept as superseded. */
    signCommitment: [TSignCommitmentRequest, CommitmentSummaryDTO];
    /** The member's year: commitment, planned / recorded / approved hours. */
    myCommitment: [TCommitmentRequest, CommitmentSummaryDTO];
    publishActivity: [TPublishActivityRequest, ActivityDTO];
    activities: [TActivitiesRequest, ActivityDTO[]];
    signUp: [TSignUpRequest, ActivityDTO];
    /** At the venue: the organiser checks a member in by the code they show (hours open). */
    checkIn: [TAttendRequest, ServiceHoursDTO];
    /** The member leaves: hours pending with the times. */
    checkOut: [TAttendRequest, ServiceHoursDTO];
    /** 工时审核: the hours of a community by status. */
    hours: [THoursListRequest, Page<ServiceHoursDTO>];
    myHours: [TMyHoursRequest, ServiceHoursDTO[]];
    decideHours: [TDecideHoursRequest, ServiceHoursDTO];
    /** Set the minutes of a record: before, after, actor and reason go to its history. */
    correctHours: [TCorrectHoursRequest, ServiceHoursDTO];
  };
}
