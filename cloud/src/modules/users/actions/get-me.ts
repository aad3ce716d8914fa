import { ZEmptyRequest, type MeDTO } from '@hg/types';
import type { EntityManager } from 'typeorm';
import { defineAction } from '../../../core/action';
import { presentMemberships } from '../../households/household.presenter';
import { HouseholdMember } from '../../households/household-member.entity';
import type { Actor } from '../actor';
import { presentRoles } from '../role.presenter';
import { User } from '../user.entity';

/** The caller's profile, roles and household bindings. */
export const getMe = defineAction({
  input: ZEmptyRequest,
  handler: (_input, { actor, ds }) => loadMe(ds.manager, actor),
});

export async function loadMe(em: EntityManager, actor: Actor): Promise<MeDTO> {
  const user = await em.findOneByOrFail(User, { id: actor.userId });
  const memberships = await presentMemberships(em, await em.find(HouseholdMember, { where: { userId: user.id }, order: { id: 'DESC' } }));
  return {
    id: user.id,
    name: user.name,
    phone: user.phone,
    roles: await presentRoles(em, actor.roles),
    memberships,
    verifiedResident: memberships.some((m) => m.status === 'verified'),
  };
}
