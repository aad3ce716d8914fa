import { ZCreateGridRequest } from '@hg/types/grids-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, notFound } from '../../../core/errors';
import { recordEvent } from '../../../core/subject-log';
import { communityRepo } from '../../community/public';
import { Grid } from '../entities';
import { managesGrids } from '../grid.policy';
import { presentGrids } from '../grid.presenter';

/** 划分网格: community staff draw a grid of a kind in their community (it covers nothing until places are added). */
export const createGrid = defineAction({
  input: ZCreateGridRequest,
  async handler(input, { ds, actor, tx }) {
    const community = await communityRepo.community(ds.manager, input.communityId);
    if (!community) throw notFound('社区');
    if (!managesGrids(actor, { streetId: community.streetId, communityId: community.id })) throw forbidden('只有本社区的工作人员可以划分网格');
    const grid = await tx(async (em) => {
      const row = em.create(Grid, { streetId: community.streetId, communityId: community.id, kind: input.kind, name: input.name, createdById: actor.userId, createdAt: clock.now() });
      await em.insert(Grid, row);
      await recordEvent(em, { subjectKind: 'grid', subjectId: row.id, action: 'created', actorId: actor.userId, at: row.createdAt, data: { kind: row.kind, name: row.name } });
      return row;
    });
    const [dto] = await presentGrids(ds.manager, actor, [grid]);
    return dto;
  },
});
