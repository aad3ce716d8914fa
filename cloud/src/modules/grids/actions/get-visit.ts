import { ZVisitRequest } from '@hg/types/grids-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { visibleVisit } from '../visit-reads';
import { presentVisits } from '../visit.presenter';

/** One visit with its findings and corrections (its worker, staff over its grid). */
export const getVisit = defineAction({
  input: ZVisitRequest,
  async handler(input, { ds, actor }) {
    const { visit } = await visibleVisit(ds.manager, actor, input.visitId);
    return (await presentVisits(ds.manager, actor, [visit], clock.now()))[0];
  },
});
