import type { CompoundType, HouseholdRelation, MembershipStatus, OrgKind, Role, ScopeLevel } from './enums';

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
