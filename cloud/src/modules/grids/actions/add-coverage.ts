import { ZAddCoverageRequest } from '@hg/types/grids-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { invalidInput } from '../../../core/errors';
import { recordEvent } from '../../../core/subject-log';
import { buildingsByIds, compoundsByIds, unitsByIds } from '../../community/public';
import { addGridCoverage } from '../../identity/public';
import { managedGrid } from '../grid-manage';
import { presentGrids } from '../grid.presenter';

/** 网格范围: add a building of the grid's community, or one of its units. Counts for the grid's workers from their next call. */
export const addCoverage = defineAction({
  input: ZAddCoverageRequest,
  async handler(input, { ds, actor, tx }) {
    const grid = await managedGrid(ds.manager, actor, input.gridId);
    const building = (await buildingsByIds(ds.manager, [input.buildingId])).get(input.buildingId);
    const compound = building ? (await compoundsByIds(ds.manager, [building.compoundId])).get(building.compoundId) : undefined;
    if (!building || compound?.communityId !== grid.communityId) throw invalidInput('buildingId', '该楼栋不在本网格所在的社区');
    if (input.unitId !== undefined && (await unitsByIds(ds.manager, [input.unitId])).get(input.unitId)?.buildingId !== building.id)
      throw invalidInput('unitId', '该单元不在所选楼栋');
    await tx(async (em) => {
      const at = clock.now();
      const row = await addGridCoverage(em, { gridId: grid.id, communityId: grid.communityId, buildingId: building.id, unitId: input.unitId ?? 0, byId: actor.userId, at });
      await recordEvent(em, { subjectKind: 'grid', subjectId: grid.id, action: 'coverage_added', actorId: actor.userId, at, data: { coverageId: row.id, buildingId: row.buildingId, unitId: row.unitId } });
    });
    const [dto] = await presentGrids(ds.manager, actor, [grid]);
    return dto;
  },
});
