import { ZAssignWorkerRequest } from '@hg/types/grids-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { invalidInput } from '../../../core/errors';
import { recordEvent } from '../../../core/subject-log';
import { assignToGrid, listRoleAssignments, usersWithPhone } from '../../identity/public';
import { managedGrid } from '../grid-manage';
import { presentGrids } from '../grid.presenter';

/**
 * 网格员入格: put a grid worker of the grid's community (appointed through 人员任命) on the grid.
 * One live assignment per worker and grid (a unique key), so a double tap or a race gives one row
 * and a CONFLICT.
 */
export const assignWorker = defineAction({
  input: ZAssignWorkerRequest,
  async handler(input, { ds, actor, tx }) {
    const grid = await managedGrid(ds.manager, actor, input.gridId);
    const people = await usersWithPhone(ds.manager, input.phone, 2);
    if (people.length !== 1) throw invalidInput('phone', people.length ? '有多个账号使用该手机号，无法确定是谁' : '没有找到使用该手机号的用户');
    const [person] = people;
    const roles = (await listRoleAssignments(ds.manager, [person.id])).get(person.id) ?? [];
    if (!roles.some((r) => r.role === 'grid_worker' && r.scopeLevel === 'community' && r.scopeId === grid.communityId))
      throw invalidInput('phone', '此人不是本社区的网格员，请先在人员任命中任命');
    await tx(async (em) => {
      const at = clock.now();
      const row = await assignToGrid(em, { gridId: grid.id, communityId: grid.communityId, userId: person.id, byId: actor.userId, at, note: input.note || null });
      await recordEvent(em, { subjectKind: 'grid', subjectId: grid.id, action: 'worker_assigned', actorId: actor.userId, at, data: { assignmentId: row.id, userId: person.id } });
    });
    const [dto] = await presentGrids(ds.manager, actor, [grid]);
    return dto;
  },
});
