import { ZEmptyRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { FamilyLink } from '../family-link.entity';
import { presentLinks } from '../family-links';

/** The caller's own family links (pending, verified, rejected), newest first: whom they may book for. */
export const listMyLinks = defineAction({
  input: ZEmptyRequest,
  async handler(_input, { actor, ds }) {
    const rows = await ds.manager.find(FamilyLink, { where: { userId: actor.userId }, order: { id: 'DESC' }, take: 50 });
    return presentLinks(ds.manager, rows, 'member');
  },
});
