import { ZUnassignWorkerRequest } from '@hg/types/grids-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { notFound } from '../../../core/errors';
import { recordEvent } from '../../../core/subject-log';
import { endGridAssignment } from '../../identity/public';
import { managedGrid } from '../grid-manage';
import { presentGrids } from '../grid.presenter';

/** Take a worker off a grid, with a reason; the row stays as history, and the worker's reach shrinks from their next call. */
export const unassignWorker = defineAction({
  input: ZUnassignWorkerRequest,
  async handler(input, { ds, actor, tx }) {
    const grid = await managedGrid(ds.manager, actor, input.gridId);
    await tx(async (em) => {
      const at = clock.now();
      if (!(await endGridAssignment(em, { id: input.assignmentId, gridId: grid.id, byId: actor.userId, at, reason: input.reason }))) throw notFound('网格员任职');
      await recordEvent(em, { subjectKind: 'grid', subjectId: grid.id, action: 'worker_unassigned', actorId: actor.userId, at, data: { assignmentId: input.assignmentId, reason: input.reason } });
    });
    const [dto] = await presentGrids(ds.manager, actor, [grid]);
    return dto;
  },
});
