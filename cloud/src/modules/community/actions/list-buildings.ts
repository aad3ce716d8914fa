import { ZCompoundRequest } from '@hg/types';
import { definePublicAction } from '../../../core/action';
import { notFound } from '../../../core/errors';
import { communityRepo } from '../community.repository';
import { presentBuilding } from '../community.presenter';

/** Buildings and units of a compound, for the household binding form. */
export const listBuildings = definePublicAction({
  input: ZCompoundRequest,
  async handler({ compoundId }, { ds }) {
    if (!(await communityRepo.compound(ds.manager, compoundId))) throw notFound('小区');
    const rows = await communityRepo.buildingsWithUnits(ds.manager, compoundId);
    return rows.map((r) => presentBuilding(r.building, r.units));
  },
});
