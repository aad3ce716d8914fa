/**
 * Role sets that both sides use: the server's policies check them in scope, the client only uses
 * the capabilities the server derives from them (MeDTO.can). One definition, so they cannot drift.
 */
import type { Role } from './enums';
import type { EscalationLevel } from './needs';
import { AGREEMENT_PARTY_ROLES } from './cobuilding';

/** Who verifies a household binding (居民认证): that building's head, the compound head, community staff. Unit heads help but do not verify. */
export const VERIFIER_ROLES: readonly Role[] = ['building_head', 'compound_head', 'community_staff'];

/**
 * Who may act for a person or household at a place in their scope: file a need for a resident
 * without a phone (代办) and look up households for it, book a meal for an elder (代订). In the order
 * the proxy role is chosen when someone holds several over the place: official roles first
 * (community staff, grid worker), then the head nearest the household, the neighbour knocking on
 * the door. The identity kernel's `proxyRoleOver` / `proxyChannel` read it; each domain names the
 * channel it records per role.
 */
export const PROXY_ROLES = ['community_staff', 'grid_worker', 'unit_head', 'building_head', 'compound_head'] as const satisfies readonly Role[];
export type ProxyRole = (typeof PROXY_ROLES)[number];

/** Community and street staff (and the city admin): dispatch, console, dashboards, export. */
export const STAFF_ROLES: readonly Role[] = ['community_staff', 'street_staff', 'admin'];

/** The three heads and grid workers: they see and help with needs in their scope. */
export const HEAD_ROLES: readonly Role[] = ['unit_head', 'building_head', 'compound_head', 'grid_worker'];

/** Who prints and posts a compound's QR posters. */
export const POSTER_ROLES: readonly Role[] = ['community_staff', 'compound_head', 'street_staff', 'admin'];

/** Receivers: staff of a service team, social organisation, property firm or department. */
export const RECEIVER_ROLES: readonly Role[] = ['org_staff'];

/** Day-care / neighbourhood-centre staff: counter redemption, walk-in booking, menus, kitchen report. */
export const CARE_ROLES: readonly Role[] = ['care_staff'];

/** Party members claim needs that were opened for claiming (主动认领). */
export const CLAIMER_ROLES: readonly Role[] = ['party_member'];

/** The city admin (市级管理员): categories, rating periods and weights, the timer jobs. Appointed on the city. */
export const ADMIN_ROLES: readonly Role[] = ['admin'];

/**
 * 党支部 (the party branch of a compound): confirm 双报到, approve and correct hours, publish party
 * activities. The product has no 支部书记 role yet, so community staff stand in for the branch; add
 * the role here when it exists (the party module's policy and 我的 read this list).
 */
export const PARTY_BRANCH_ROLES: readonly Role[] = ['community_staff'];

/** Assessors (考评员) score the property firms serving compounds in their scope (street / housing bureau). */
export const ASSESSOR_ROLES: readonly Role[] = ['assessor'];

/**
 * The escalation ladder (小事不出楼栋、大事不出小区): who answers at each rung, building → compound →
 * community → street (ESCALATION_ORDER). The one definition: the needs policy (who may dispatch,
 * transfer and 督办), the 升级待办 list, who is told when a need is filed or climbs, and 我的 all
 * read it. A need at a rung gives that power to the holders of that rung and of every rung below it
 * in scope (the building head keeps the power when the need climbs to the compound head). Unit heads
 * and grid workers help (代办, follow, comment) but are not on the ladder: the building head settles
 * a building's small matters, so a unit head is neither told of a need's first rung nor given one.
 */
export const LADDER: Readonly<Record<EscalationLevel, readonly Role[]>> = {
  building: ['building_head'],
  compound: ['compound_head'],
  community: ['community_staff'],
  street: ['street_staff'],
};

/** The rung each ladder role answers for, read from LADDER; roles off the ladder have none. */
export const LADDER_RUNG: Partial<Record<Role, EscalationLevel>> = Object.fromEntries(
  (Object.entries(LADDER) as [EscalationLevel, readonly Role[]][]).flatMap(([level, roles]) => roles.map((role) => [role, level])),
);

/** Who has an 升级待办 work list: the ladder's roles plus grid workers (who follow escalated needs in their grid). */
export const ESCALATION_LIST_ROLES: readonly Role[] = [...Object.values(LADDER).flat(), 'grid_worker'];

/**
 * What the signed-in person may open, as the server decides it (MeDTO.can). The client shows an
 * entry only when its flag is true, so it never leads to a page the server refuses.
 */
export interface MeCapabilities {
  /** 居民认证审核: the verification queue. */
  verifyHouseholds: boolean;
  /** 代办点单: file a need for another household. */
  fileForOthers: boolean;
  /** 派单台, 数据看板, 导出台账. */
  dispatchNeeds: boolean;
  /** 接单箱. */
  receiveNeeds: boolean;
  /** 待认领. */
  claimNeeds: boolean;
  /** 二维码海报. */
  printPosters: boolean;
  /** 助餐核销 and 助餐管理 (centre staff). */
  runCareCentre: boolean;
  /** 物业考评 (assessors). */
  assessFirms: boolean;
  /** 评星管理: periods and weights (admins). */
  manageRatings: boolean;
  /** 评论审核 (community / street staff, admins). */
  moderateComments: boolean;
  /** 评价反馈: reply for one's property firm (staff of a property firm; decided by the me module, which knows organisations' kinds). */
  replyAsFirm: boolean;
  /** 升级待办: needs that climbed to the caller's rung of the ladder (heads, grid workers, staff). */
  handleEscalations: boolean;
  /** 定时任务: whether the timer jobs run (the city admin, as the timer function's policy allows). */
  timerStatus: boolean;
  /** 城市配置: the city settings sections (the city admin, as the settings function's policy allows). */
  citySettings: boolean;
  /** 为老人代订: book meals for elders whose home is in the caller's scope (grid workers, heads, community staff). */
  bookForElders: boolean;
  /** 辖区助餐补贴: the meal subsidy month report across the centres in the caller's scope (community / street staff, admins). */
  mealSubsidyRollUp: boolean;
  /** 人员任命: appoint and revoke posts in one's street or community (community / street staff, the city admin; APPOINTMENT_RULES decides which posts). */
  appointPeople: boolean;
  /** 我的报到, 我的承诺, 党群活动 (party members). */
  partyDuty: boolean;
  /** 报到审核, 工时审核 (the party branch: PARTY_BRANCH_ROLES). */
  partyBranch: boolean;
  /** 共建协议: agreements and their delivery (street / community staff, the city admin, a department's staff; the server decides which agreements each sees). */
  cobuilding: boolean;
  /** 待确认交付: confirm or decline what departments delivered (community / street staff: AGREEMENT_PARTY_ROLES). */
  confirmDeliveries: boolean;
}

/** Capabilities from the roles held (in any scope; every action checks the scope again). */
export function capabilitiesOf(roles: readonly { role: Role }[], opts: { worksForPropertyFirm?: boolean; worksForDepartment?: boolean } = {}): MeCapabilities {
  const has = (set: readonly Role[]) => roles.some((r) => set.includes(r.role));
  return {
    verifyHouseholds: has(VERIFIER_ROLES),
    fileForOthers: has(PROXY_ROLES),
    dispatchNeeds: has(STAFF_ROLES),
    receiveNeeds: has(RECEIVER_ROLES),
    claimNeeds: has(CLAIMER_ROLES),
    printPosters: has(POSTER_ROLES),
    runCareCentre: has(CARE_ROLES),
    assessFirms: has(ASSESSOR_ROLES),
    manageRatings: has(ADMIN_ROLES),
    moderateComments: has(STAFF_ROLES),
    replyAsFirm: !!opts.worksForPropertyFirm && has(RECEIVER_ROLES),
    handleEscalations: has(ESCALATION_LIST_ROLES),
    timerStatus: has(ADMIN_ROLES),
    citySettings: has(ADMIN_ROLES),
    bookForElders: has(PROXY_ROLES),
    mealSubsidyRollUp: has(STAFF_ROLES),
    appointPeople: has(STAFF_ROLES),
    partyDuty: has(CLAIMER_ROLES),
    partyBranch: has(PARTY_BRANCH_ROLES),
    cobuilding: has(STAFF_ROLES) || (!!opts.worksForDepartment && has(RECEIVER_ROLES)),
    confirmDeliveries: has(AGREEMENT_PARTY_ROLES),
  };
}
