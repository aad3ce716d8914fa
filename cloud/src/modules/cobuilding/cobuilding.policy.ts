import { Brackets, type SelectQueryBuilder } from 'typeorm';
import type { Role } from '@hg/types';
import { AGREEMENT_PARTY_ROLES } from '@hg/types/cobuilding';
import { notFound } from '../../core/errors';
import { holdsRoleOver, type Actor, type ScopePath } from '../identity/public';
import type { Agreement } from './entities';

/** Who acts for the street or the community: one list in types/ (AGREEMENT_PARTY_ROLES), which 我的 reads too. */
export const PARTY_ROLES: readonly Role[] = AGREEMENT_PARTY_ROLES;
/** Who sees an agreement besides its department: the party's staff and the staff above it, up to the city admin. */
export const VIEWER_ROLES: readonly Role[] = [...PARTY_ROLES, 'admin'];

/** The agreement's place: a street's agreement sits on no community (community id 0 matches no role). */
export const agreementPath = (a: Pick<Agreement, 'streetId' | 'communityId'>): ScopePath => ({ streetId: a.streetId, communityId: a.communityId ?? 0 });

/** Staff of the department (org_staff of that organisation, wherever the post sits). */
export const isDepartmentStaff = (actor: Actor, departmentId: number): boolean =>
  actor.roles.some((r) => r.role === 'org_staff' && r.organisationId === departmentId);

export const isPartyStaff = (actor: Actor, a: Pick<Agreement, 'streetId' | 'communityId'>): boolean => holdsRoleOver(actor, PARTY_ROLES, agreementPath(a));

export interface Relation {
  department: boolean;
  party: boolean;
}

/**
 * The caller's part in an agreement. Anyone who is neither its department's staff nor staff over
 * its place (up to the city) is told it does not exist (NOT_FOUND), so one community's agreements
 * do not leak to the next. Residents have no part in any agreement.
 */
export function relationTo(actor: Actor, a: Agreement | null): Relation {
  if (!a) throw notFound('共建协议');
  const rel = { department: isDepartmentStaff(actor, a.departmentId), party: isPartyStaff(actor, a) };
  if (!rel.department && !rel.party && !holdsRoleOver(actor, VIEWER_ROLES, agreementPath(a))) throw notFound('共建协议');
  return rel;
}

/** What the caller may do with an agreement in its state, for the detail's buttons (each action checks again). */
export function agreementCan(a: Agreement, rel: Relation): string[] {
  const can: string[] = [];
  if (a.status === 'draft' && (rel.department || rel.party)) {
    can.push('edit');
    if ((rel.department && !a.departmentSignedById) || (rel.party && !a.partySignedById)) can.push('sign');
  }
  if (a.status === 'signed' && rel.department) can.push('deliver');
  if (a.status === 'signed' && rel.party) can.push('confirm', 'close');
  return can;
}

/**
 * Narrow a query of agreements (alias `a`) to those the caller sees: the city admin all of them;
 * street staff their street's; community staff their community's (not the street's own); a
 * department's staff their department's. No role that sees any → no rows.
 */
export function visibleAgreements<T extends object>(qb: SelectQueryBuilder<T>, actor: Actor, alias = 'a'): SelectQueryBuilder<T> {
  if (actor.roles.some((r) => VIEWER_ROLES.includes(r.role) && r.scopeLevel === 'city')) return qb;
  const streets = actor.roles.filter((r) => VIEWER_ROLES.includes(r.role) && r.scopeLevel === 'street').map((r) => r.scopeId);
  const communities = actor.roles.filter((r) => VIEWER_ROLES.includes(r.role) && r.scopeLevel === 'community').map((r) => r.scopeId);
  const departments = actor.roles.filter((r) => r.role === 'org_staff' && r.organisationId > 0).map((r) => r.organisationId);
  return qb.andWhere(
    new Brackets((w) => {
      w.where('1 = 0');
      if (streets.length) w.orWhere(`${alias}.streetId IN (:...vStreets)`, { vStreets: streets });
      if (communities.length) w.orWhere(`${alias}.communityId IN (:...vCommunities)`, { vCommunities: communities });
      if (departments.length) w.orWhere(`${alias}.departmentId IN (:...vDepartments)`, { vDepartments: departments });
    }),
  );
}
