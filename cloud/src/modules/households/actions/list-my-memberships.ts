import { ZEmptyRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { presentMemberships } from '../household.presenter';
import { HouseholdMember } from '../household-member.entity';

/** The caller's own bindings, in every status. */
export const listMyMemberships = defineAction({
  input: ZEmptyRequest,
  async handler(_input, { actor, ds }) {
    const rows = await ds.manager.find(HouseholdMember, { where: { userId: actor.userId }, order: { id: 'DESC' } });
    return presentMemberships(ds.manager, rows);
  },
});
