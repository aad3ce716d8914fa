import { ZEmptyRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forbidden } from '../../../core/errors';
import { STAFF_ROLES } from '@hg/types';
import { HouseholdRating } from '../entities';
import { moderates, presentModeration } from '../moderation';

/** Hidden (reported) comments in the moderator's scope, oldest first. */
export const listModerationQueue = defineAction({
  input: ZEmptyRequest,
  async handler(_input, { actor, ds }) {
    if (!actor.roles.some((r) => STAFF_ROLES.includes(r.role))) throw forbidden('只有社区、街道工作人员或管理员可以审核');
    const rows = await ds.manager.find(HouseholdRating, { where: { commentStatus: 'hidden' }, order: { id: 'ASC' }, take: 500 });
    return presentModeration(ds.manager, rows.filter((r) => moderates(actor, r)).slice(0, 100));
  },
});
