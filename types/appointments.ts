/**
 * 人员任命: every post is appointed and revoked by the level above in its scope. The one table of
 * who appoints whom (APPOINTMENT_RULES) is read by the identity kernel's named policy
 * (`mayAppoint`), by the appointments actions and by the page; docs/api.md prints it.
 */
import type { OrgKind, Role, ScopeLevel } from './enums';

/** Roles appointed through the app. The city admin is set up with the city, never appointed here. */
export type AppointableRole = Exclude<Role, 'admin'>;

/** One way a post is filled: on which level it sits, who appoints it (holding that role on a node covering the post), and its organisation. */
export interface AppointmentRule {
  level: ScopeLevel;
  by: readonly Role[];
  /**
   * Organisation the post is held for: `none` (organisationId 0), or the kinds allowed (the
   * organisation must work in the post's community: its own team, serving one of its compounds,
   * or city-wide).
   */
  organisation: 'none' | readonly OrgKind[];
}

/**
 * Who appoints whom (the level above in its scope). A role may be filled on several levels
 * (an assessor for a street by the city, for a community by its street).
 */
export const APPOINTMENT_RULES: Readonly<Record<AppointableRole, readonly AppointmentRule[]>> = {
  street_staff: [{ level: 'street', by: ['admin'], organisation: 'none' }],
  community_staff: [{ level: 'community', by: ['street_staff', 'admin'], organisation: 'none' }],
  assessor: [
    { level: 'street', by: ['admin'], organisation: 'none' },
    { level: 'community', by: ['street_staff'], organisation: 'none' },
  ],
  compound_head: [{ level: 'compound', by: ['community_staff'], organisation: 'none' }],
  building_head: [{ level: 'building', by: ['community_staff'], organisation: 'none' }],
  unit_head: [{ level: 'unit', by: ['community_staff'], organisation: 'none' }],
  grid_worker: [{ level: 'community', by: ['community_staff'], organisation: 'none' }],
  party_member: [{ level: 'compound', by: ['community_staff'], organisation: 'none' }],
  care_staff: [{ level: 'community', by: ['community_staff'], organisation: ['day_care_centre'] }],
  org_staff: [{ level: 'community', by: ['community_staff'], organisation: ['property_firm', 'service_team', 'social_org', 'department'] }],
};

/** The rule for a role on a level, or null when that post does not exist. */
export function appointmentRule(role: Role, level: ScopeLevel): AppointmentRule | null {
  if (role === 'admin') return null;
  return APPOINTMENT_RULES[role].find((r) => r.level === level) ?? null;
}

/**
 * 三长: at most one active holder per place (a unique key over `headScopeId`, filled only on
 * active head rows). A second appointment is a CONFLICT unless it asks to replace the holder.
 */
export const HEAD_LEVEL: Readonly<Partial<Record<Role, ScopeLevel>>> = {
  compound_head: 'compound',
  building_head: 'building',
  unit_head: 'unit',
};

/** Posts in the order the staff page lists them. */
export const APPOINTMENT_ROLE_ORDER: readonly AppointableRole[] = [
  'community_staff',
  'grid_worker',
  'compound_head',
  'building_head',
  'unit_head',
  'party_member',
  'care_staff',
  'org_staff',
  'assessor',
  'street_staff',
];

export const APPOINTMENT_LIMITS = { noteMax: 200, reasonMax: 200, historyMax: 100 } as const;

/** A post as the page lists it: who holds (or held) it, where, since when, by whom; ended with why. */
export interface AppointmentDTO {
  id: number;
  role: Role;
  roleLabel: string;
  scopeLevel: ScopeLevel;
  scopeId: number;
  /** 「锦屏花园1栋」, 「南街社区」. */
  placeName: string;
  organisation: { id: number; name: string } | null;
  person: { id: number; name: string; phone: string | null };
  /** null for posts set up before appointments were recorded (the demo city). */
  appointedAt: string | null;
  appointedBy: { id: number; name: string } | null;
  note: string | null;
  endedAt: string | null;
  endedBy: { id: number; name: string } | null;
  endReason: string | null;
  /** What the caller may do with it (revoke only while active, only by the level above). */
  can: ('revoke')[];
}

/** A place a post can sit on, for the appoint form: the node and its children. */
export interface AppointmentPlaceDTO {
  level: ScopeLevel;
  id: number;
  name: string;
  children: AppointmentPlaceDTO[];
}

/** What the caller may appoint here: a role on a level (and the organisations it may be held for). */
export interface AppointablePostDTO {
  role: AppointableRole;
  roleLabel: string;
  level: ScopeLevel;
  organisations: { id: number; name: string }[];
}

/** 人员任命 of one street or community. */
export interface AppointmentsDTO {
  place: { level: 'street' | 'community'; id: number; name: string };
  /** The streets / communities the caller appoints in, to switch between. */
  places: { level: 'street' | 'community'; id: number; name: string }[];
  active: AppointmentDTO[];
  /** Ended posts, newest end first (at most APPOINTMENT_LIMITS.historyMax). */
  history: AppointmentDTO[];
  /** Places inside (compounds → buildings → units) for heads and party members. */
  tree: AppointmentPlaceDTO[];
  appointable: AppointablePostDTO[];
}
