/** Compound types from the star-rating rules (评星按小区类型分别设定). */
export const CompoundType = {
  commercial: 'commercial', // 商住
  old: 'old', // 老旧
  resettlement: 'resettlement', // 还房
} as const;
export type CompoundType = (typeof CompoundType)[keyof typeof CompoundType];
export const COMPOUND_TYPE_LABEL: Record<CompoundType, string> = {
  commercial: '商住小区',
  old: '老旧小区',
  resettlement: '还房小区',
};

/** Levels of the scope hierarchy, outermost first. Every role assignment sits on one node. */
export const ScopeLevel = {
  city: 'city',
  street: 'street',
  community: 'community',
  compound: 'compound',
  building: 'building',
  unit: 'unit',
} as const;
export type ScopeLevel = (typeof ScopeLevel)[keyof typeof ScopeLevel];
export const SCOPE_ORDER: ScopeLevel[] = ['city', 'street', 'community', 'compound', 'building', 'unit'];

/**
 * Assigned roles (BRIEF §2). "Resident" is not assigned: it follows from a verified household
 * membership. Receiver roles belong to an organisation as well as to a scope node.
 */
export const Role = {
  unit_head: 'unit_head', // 单元长
  building_head: 'building_head', // 楼栋长
  compound_head: 'compound_head', // 小区长
  grid_worker: 'grid_worker', // 网格员
  party_member: 'party_member', // 党员
  community_staff: 'community_staff', // 社区工作人员
  street_staff: 'street_staff', // 街道工作人员
  org_staff: 'org_staff', // 接单方: 服务队/社会组织/物业/部门 工作人员
  care_staff: 'care_staff', // 日间照料中心工作人员
  assessor: 'assessor', // 考评员
  admin: 'admin', // 市级管理员
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLE_LABEL: Record<Role | 'resident', string> = {
  resident: '居民',
  unit_head: '单元长',
  building_head: '楼栋长',
  compound_head: '小区长',
  grid_worker: '网格员',
  party_member: '党员',
  community_staff: '社区工作人员',
  street_staff: '街道工作人员',
  org_staff: '接单方工作人员',
  care_staff: '日间照料中心工作人员',
  assessor: '考评员',
  admin: '管理员',
};

/** Kinds of organisation that receive work or run services. */
export const OrgKind = {
  property_firm: 'property_firm', // 物业企业
  service_team: 'service_team', // 专业服务队
  social_org: 'social_org', // 社会组织
  day_care_centre: 'day_care_centre', // 日间照料中心
  department: 'department', // 职能部门
} as const;
export type OrgKind = (typeof OrgKind)[keyof typeof OrgKind];
export const ORG_KIND_LABEL: Record<OrgKind, string> = {
  property_firm: '物业企业',
  service_team: '专业服务队',
  social_org: '社会组织',
  day_care_centre: '日间照料中心',
  department: '职能部门',
};

/** Relation of a person to the household they bind to. */
export const HouseholdRelation = {
  owner: 'owner', // 业主
  tenant: 'tenant', // 租户
  family: 'family', // 家属
} as const;
export type HouseholdRelation = (typeof HouseholdRelation)[keyof typeof HouseholdRelation];
export const RELATION_LABEL: Record<HouseholdRelation, string> = { owner: '业主', tenant: '租户', family: '家属' };

/** Household binding (居民认证) lifecycle: pending → verified | rejected. */
export const MembershipStatus = {
  pending: 'pending',
  verified: 'verified',
  rejected: 'rejected',
} as const;
export type MembershipStatus = (typeof MembershipStatus)[keyof typeof MembershipStatus];
export const MEMBERSHIP_STATUS_LABEL: Record<MembershipStatus, string> = {
  pending: '待审核',
  verified: '已认证',
  rejected: '未通过',
};
