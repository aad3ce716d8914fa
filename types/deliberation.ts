/**
 * 五步议事法 (five-step deliberation): matters settled by the households they touch. Steps, ballot
 * channels, labels, limits, DTOs and the `deliberation` function's catalogue. Values only; the zod
 * schemas and the settings section live in ./deliberation-schemas.ts.
 */
import type { Page } from './dto';
import type {
  TCastBallotRequest,
  TCreateMatterRequest,
  TEditMatterRequest,
  TEnterBallotRequest,
  TListMattersRequest,
  TMatterRequest,
  TMyBallotRequest,
  TPublishMatterRequest,
  TReviseMatterRequest,
  TWithdrawMatterRequest,
  TWriteOutcomeRequest,
} from './deliberation-schemas';

/**
 * The five steps, one active at a time: 制定方案 draft → 发布公告 notice → 组织协商 voting → 结果运用
 * closed → 反馈公示 published; withdrawn (with a reason) before close. A new version goes back to
 * notice from notice or voting; nothing else goes back, and no step is skipped.
 */
export const MatterStatus = {
  draft: 'draft',
  notice: 'notice',
  voting: 'voting',
  closed: 'closed',
  published: 'published',
  withdrawn: 'withdrawn',
} as const;
export type MatterStatus = (typeof MatterStatus)[keyof typeof MatterStatus];

export const MATTER_STATUS_LABELS: Record<MatterStatus, string> = {
  draft: '制定方案',
  notice: '发布公告',
  voting: '组织协商',
  closed: '结果运用',
  published: '反馈公示',
  withdrawn: '已撤回',
};

/** The place whose households decide: a whole compound, one building, or one unit. */
export const MatterScopeLevel = { compound: 'compound', building: 'building', unit: 'unit' } as const;
export type MatterScopeLevel = (typeof MatterScopeLevel)[keyof typeof MatterScopeLevel];
export const MATTER_SCOPE_LABELS: Record<MatterScopeLevel, string> = { compound: '全小区', building: '本楼栋', unit: '本单元' };

/**
 * How a ballot reached the count: online by a verified member, or on paper at a meeting or by a
 * proxy form, entered by staff or a head (who is recorded). The latest ballot before close counts,
 * whatever its channel.
 */
export const BallotChannel = { online: 'online', meeting: 'meeting', proxy: 'proxy' } as const;
export type BallotChannel = (typeof BallotChannel)[keyof typeof BallotChannel];
export const BALLOT_CHANNEL_LABELS: Record<BallotChannel, string> = { online: '线上投票', meeting: '会议表决', proxy: '委托代投' };

export const DELIBERATION_LIMITS = {
  titleMax: 60,
  textMax: 2000,
  optionMax: 50,
  optionsMin: 2,
  optionsMax: 10,
  reasonMax: 200,
  outcomeMax: 2000,
  /** Voting lasts at most this many days. */
  votingDaysMax: 60,
  /** The "closing soon" reminder goes this many hours before close. */
  remindHoursBefore: 24,
} as const;

/** The city's rule for household votes (城市配置 › 五步议事); frozen into a matter at publication. */
export interface DeliberationSettings {
  /** 参与率: households that voted, in % of the electorate, needed for a valid vote (≥). */
  quorumPercent: number;
  /** 通过线: the leading option needs MORE than this % of the ballots cast. */
  approvalPercent: number;
  /** 公告期: days between publication and the opening of the vote (minimum). */
  noticeDays: number;
  /** A need followed by at least this many verified households of its compound is proposed to staff as a draft matter. */
  proposeFollowers: number;
}

export const DELIBERATION_SETTINGS_DEFAULTS: DeliberationSettings = { quorumPercent: 50, approvalPercent: 50, noticeDays: 3, proposeFollowers: 10 };

/** The rule a matter is decided by, shown at every step (谁能投票、需要多少人参加、多少人同意才通过、何时截止). */
export interface MatterRuleDTO {
  quorumPercent: number;
  approvalPercent: number;
  noticeDays: number;
}

/** The stored result of a closed vote: every screen's totals come from this row. */
export interface TallyDTO {
  version: number;
  eligible: number;
  ballots: number;
  byChannel: Record<BallotChannel, number>;
  /** Participation in % of the electorate, one decimal. */
  participationPercent: number;
  /** Ballots per option, in the order of the options. */
  counts: number[];
  quorumMet: boolean;
  approved: boolean;
  /** The option with the most ballots, when one leads alone; null on a tie or with no ballots. */
  leadingOption: number | null;
  quorumPercent: number;
  approvalPercent: number;
  closedAt: string;
}

export interface MatterSummaryDTO {
  id: number;
  title: string;
  status: MatterStatus;
  statusLabel: string;
  scopeLevel: MatterScopeLevel;
  placeName: string;
  version: number;
  opensAt: string | null;
  closesAt: string | null;
}

/** What happened to a matter, as its timeline shows it (the subject log's `matter` events). */
export const MATTER_EVENT_LABELS: Record<string, string> = {
  drafted: '制定方案',
  proposed: '由居民关注的需求转为议题',
  edited: '修改方案',
  published: '发布公告',
  revised: '发布新版本，重新公告',
  opened: '开始投票',
  closed: '投票结束，结果已统计',
  outcome_written: '填写结果运用',
  outcome_published: '反馈公示',
  withdrawn: '撤回议题',
};

/** One dated step of a matter's timeline (no names: who did it stays in the record). */
export interface MatterEventDTO {
  event: string;
  label: string;
  at: string;
  /** The version the step produced or applies to, when it concerns one. */
  version: number | null;
  /** The reason given for a new version or a withdrawal. */
  note: string | null;
}

/** One of the caller's own homes that votes on the matter (its verified membership, inside the scope). */
export interface MatterHouseholdDTO {
  householdId: number;
  /** "1栋1单元502". */
  place: string;
}

/** A household's current ballot, for its own verified members only. */
export interface MyBallotDTO {
  householdId: number;
  version: number;
  optionIndex: number;
  option: string;
  channel: BallotChannel;
  castAt: string;
  /** True when a member of the household cast it (online); false for a paper ballot entered by staff. */
  castByMember: boolean;
}

export interface MatterDTO extends MatterSummaryDTO {
  text: string;
  options: string[];
  compoundId: number;
  buildingId: number | null;
  unitId: number | null;
  /** First 8 hex of sha256 over the canonical title, text and options of the current version (null in draft). */
  contentHash: string | null;
  sourceNeedId: number | null;
  proposerName: string | null;
  publishedAt: string | null;
  /** The rule in force: the publication's snapshot, or the city's current rule while in draft. */
  rule: MatterRuleDTO;
  /** Households in the electorate of the current version (null in draft). */
  eligible: number | null;
  /** Is the vote accepting ballots now (by the clock, whatever the timer has done)? */
  votingOpen: boolean;
  withdrawnReason: string | null;
  outcome: string | null;
  outcomePublishedAt: string | null;
  /** Only after close: the stored tally. Per-option counts are never shown earlier. */
  tally: TallyDTO | null;
  /** The dated steps, oldest first. */
  timeline: MatterEventDTO[];
  /** The caller's verified households in the matter's scope (empty for staff who live elsewhere): the homes that vote. */
  myHouseholds: MatterHouseholdDTO[];
  /** What the caller may do: edit, publish, revise, withdraw, close, writeOutcome, publishOutcome, enterBallot, participation. */
  can: string[];
}

/** A staff member's or head's view of turnout: who has voted, never how. */
export interface ParticipationDTO {
  matterId: number;
  version: number;
  eligible: number;
  voted: number;
  households: { householdId: number; place: string; voted: boolean; channel: BallotChannel | null }[];
}

/** What staff see after entering a paper ballot: that it was recorded, not the choice again. */
export interface BallotEntryDTO {
  matterId: number;
  householdId: number;
  channel: BallotChannel;
  castAt: string;
  /** A ballot of the household was replaced by this one. */
  replaced: boolean;
}

/** The `deliberation` cloud function's actions: [request, response] per action (see api.ts). */
export interface DeliberationApi {
  deliberation: {
    list: [TListMattersRequest, Page<MatterSummaryDTO>];
    get: [TMatterRequest, MatterDTO];
    create: [TCreateMatterRequest, MatterDTO];
    edit: [TEditMatterRequest, MatterDTO];
    publish: [TPublishMatterRequest, MatterDTO];
    /** A new version: ballots of the old one are void, the notice period starts again. */
    revise: [TReviseMatterRequest, MatterDTO];
    withdraw: [TWithdrawMatterRequest, MatterDTO];
    vote: [TCastBallotRequest, MyBallotDTO];
    enterBallot: [TEnterBallotRequest, BallotEntryDTO];
    myBallot: [TMyBallotRequest, MyBallotDTO | null];
    participation: [TMatterRequest, ParticipationDTO];
    close: [TMatterRequest, MatterDTO];
    writeOutcome: [TWriteOutcomeRequest, MatterDTO];
    publishOutcome: [TMatterRequest, MatterDTO];
  };
}
