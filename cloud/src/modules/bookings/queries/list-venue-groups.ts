import { ZEmptyRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { groupsActorMayBookFor } from '../venue/venue.policy';

/**
 * 为谁预约: the registered groups (社会组织, 服务队) the caller works for and may book a room or an
 * activity for — not every organisation they hold a role for (a property firm or a department may
 * not hold one). Empty for most residents: then the form offers no choice.
 */
export const listVenueGroups = defineAction({
  input: ZEmptyRequest,
  handler: (_input, { actor, ds }) => groupsActorMayBookFor(ds.manager, actor),
});
