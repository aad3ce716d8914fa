import { capabilitiesOf, ZEmptyRequest, type MeDTO, type OrgKind } from '@hg/types';
import type { EntityManager } from 'typeorm';
import { organisationsWhere } from '../../community/public';
import { defineAction } from '../../../core/action';
import { presentedMembershipsOf } from '../../households/public';
import type { Actor } from '../../identity/public';
import { presentRoles } from '../role.presenter';

/** The caller's profile, roles, household bindings and what they may open. */
export const getMe = defineAction({
  input: ZEmptyRequest,
  handler: (_input, { actor, ds }) => loadMe(ds.manager, actor),
});

/**
 * The kinds of organisation the actor's org_staff roles are held for, in one read (none without
 * such a role): a property firm replies to its ratings, a department works on its co-building agreements.
 */
async function employerKinds(em: EntityManager, actor: Actor): Promise<Set<OrgKind>> {
  const orgIds = actor.roles.filter((r) => r.role === 'org_staff' && r.organisationId).map((r) => r.organisationId);
  if (!orgIds.length) return new Set();
  return new Set((await organisationsWhere(em, { ids: orgIds })).map((o) => o.kind));
}

export async function loadMe(em: EntityManager, actor: Actor): Promise<MeDTO> {
  // The actor was read from the users row moments ago: no need to read it again.
  const memberships = await presentedMembershipsOf(em, actor.userId);
  const employer = await employerKinds(em, actor);
  return {
    id: actor.userId,
    name: actor.name,
    phone: actor.phone,
    roles: await presentRoles(em, actor.roles),
    memberships,
    verifiedResident: memberships.some((m) => m.status === 'verified'),
    can: capabilitiesOf(actor.roles, { worksForPropertyFirm: employer.has('property_firm'), worksForDepartment: employer.has('department') }),
  };
}
