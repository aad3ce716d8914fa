import { ZLinkQueueRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forbidden } from '../../../core/errors';
import { isCentreStaff } from '../booking.policy';
import { FamilyLink } from '../family-link.entity';
import { presentLinks } from '../family-links';

/** Centre staff: family links waiting for a decision, oldest first. */
export const listLinkQueue = defineAction({
  input: ZLinkQueueRequest,
  async handler({ centreId }, ctx) {
    if (!isCentreStaff(ctx.actor, centreId)) throw forbidden('只有本中心工作人员可以查看');
    const rows = await ctx.ds.manager.find(FamilyLink, { where: { centreId, status: 'pending' }, order: { id: 'ASC' }, take: 200 });
    return presentLinks(ctx.ds.manager, rows, 'staff');
  },
});
