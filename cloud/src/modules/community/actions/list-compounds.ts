import { ZListCompoundsRequest } from '@hg/types';
import { definePublicAction } from '../../../core/action';
import { communityRepo } from '../community.repository';
import { presentCompoundSummary } from '../community.presenter';

/** Compound directory (names and communities are public, as on the gate signs). */
export const listCompounds = definePublicAction({
  input: ZListCompoundsRequest,
  async handler({ communityId }, { ds }) {
    const rows = await communityRepo.compoundsWithParents(ds.manager, communityId ? { communityId } : {});
    return rows.map((r) => presentCompoundSummary(r.compound, r.community, r.street));
  },
});
