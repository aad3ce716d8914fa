import { ZEmptyRequest, type MeDTO } from '@hg/types';
import type { EntityManager } from 'typeorm';
import { defineAction } from '../../../core/action';
import { presentMemberships } from '../../households/household.presenter';
import { HouseholdMember } from '../../households/household-member.entity';
import type { Actor } from '../actor';
import { presentRoles } from '../role.presenter';

/** The caller's profile, roles and household bindings. */
export const getMe = defineAction({
  input: ZEmptyRequest,
  handler: (_input, { actor, ds }) => loadMe(ds.manager, actor),
});

export async function loadMe(em: EntityManager, actor: Actor): Promise<MeDTO> {
  // The actor was read from the users row moments ago: no need to read it again.
  const memberships = await presentMemberships(em, await em.find(HouseholdMember, { where: { userId: actor.userId }, order: { id: 'DESC' } }));
  return {
    id: actor.userId,
    name: actor.name,
    phone: actor.phone,
    roles: await presentRoles(em, actor.roles),
    memberships,
    verifiedResident: memberships.some((m) => m.status === 'verified'),
  };
}
