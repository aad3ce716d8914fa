import { ZEndCoverageRequest } from '@hg/types/grids-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { notFound } from '../../../core/errors';
import { recordEvent } from '../../../core/subject-log';
import { endGridCoverage } from '../../identity/public';
import { managedGrid } from '../grid-manage';
import { presentGrids } from '../grid.presenter';

/** Take a building or unit out of a grid, with a reason; the row stays as history. Its workers lose it from their next call. */
export const endCoverage = defineAction({
  input: ZEndCoverageRequest,
  async handler(input, { ds, actor, tx }) {
    const grid = await managedGrid(ds.manager, actor, input.gridId);
    await tx(async (em) => {
      const at = clock.now();
      if (!(await endGridCoverage(em, { id: input.coverageId, gridId: grid.id, byId: actor.userId, at, reason: input.reason }))) throw notFound('网格范围');
      await recordEvent(em, { subjectKind: 'grid', subjectId: grid.id, action: 'coverage_ended', actorId: actor.userId, at, data: { coverageId: input.coverageId, reason: input.reason } });
    });
    const [dto] = await presentGrids(ds.manager, actor, [grid]);
    return dto;
  },
});
