import { capabilitiesOf, ZEmptyRequest, type MeDTO } from '@hg/types';
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

/** Is any of the actor's org_staff roles held for a property firm? (The firm replies to its ratings.) */
async function worksForPropertyFirm(em: EntityManager, actor: Actor): Promise<boolean> {
  const orgIds = actor.roles.filter((r) => r.role === 'org_staff' && r.organisationId).map((r) => r.organisationId);
  if (!orgIds.length) return false;
  return (await organisationsWhere(em, { ids: orgIds, kind: 'property_firm' })).length > 0;
}

export async function loadMe(em: EntityManager, actor: Actor): Promise<MeDTO> {
  // The actor was read from the users row moments ago: no need to read it again.
  const memberships = await presentedMembershipsOf(em, actor.userId);
  return {
    id: actor.userId,
    name: actor.name,
    phone: actor.phone,
    roles: await presentRoles(em, actor.roles),
    memberships,
    verifiedResident: memberships.some((m) => m.status === 'verified'),
    can: capabilitiesOf(actor.roles, { worksForPropertyFirm: await worksForPropertyFirm(em, actor) }),
  };
}
