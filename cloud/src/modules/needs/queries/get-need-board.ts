import { ZNeedBoardRequest, type NeedBoardDTO, type NeedStatus } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { notFound } from '../../../core/errors';
import { buildingOf, communityRepo } from '../../community/public';
import { NeedCategory } from '../need-category.entity';
import { Need } from '../need.entity';
import { outcomeOf } from './need-outcome';

const DEFAULT_DAYS = 30;

/**
 * 公示栏: what happened to the needs of a compound (or one building) in the last `days`, per
 * category — open, fixed, closed without fixing, and how many were settled inside the building
 * (小事不出楼栋: never left the building level). A merged duplicate counts nowhere — its problem is
 * the surviving need's, so it is neither open nor 未解决. Counts only: the query selects no name, phone or free text, so none can leak.
 * Any signed-in user may look, residents of other compounds included.
 */
export const getNeedBoard = defineAction({
  input: ZNeedBoardRequest,
  async handler({ compoundId, buildingId, days = DEFAULT_DAYS }, { ds }): Promise<NeedBoardDTO> {
    const em = ds.manager;
    const compound = await communityRepo.compound(em, compoundId);
    if (!compound) throw notFound('小区');
    const building = buildingId ? await buildingOf(em, compoundId, buildingId) : null;
    if (buildingId && !building) throw notFound('楼栋');

    const since = new Date(clock.now().getTime() - days * 24 * 3600 * 1000);
    const qb = em
      .createQueryBuilder(Need, 'n')
      .select('n.categoryId', 'categoryId')
      .addSelect('n.status', 'status')
      .addSelect('n.leftBuilding', 'leftBuilding')
      .addSelect('n.level', 'level')
      .addSelect('COUNT(*)', 'count')
      .where('n.compoundId = :compoundId', { compoundId })
      .andWhere('n.createdAt >= :since', { since });
    if (building) qb.andWhere('n.buildingId = :buildingId', { buildingId: building.id });
    const groups: { categoryId: number | string; status: NeedStatus; leftBuilding: number | boolean | string; level: string; count: number | string }[] =
      await qb.groupBy('n.categoryId').addGroupBy('n.status').addGroupBy('n.leftBuilding').addGroupBy('n.level').getRawMany();

    const categories = await em.find(NeedCategory, { order: { sortOrder: 'ASC', id: 'ASC' } });
    const rows = new Map<number, { open: number; resolved: number; unfixed: number }>();
    const totals = { open: 0, resolved: 0, unfixed: 0, settledInBuilding: 0 };
    for (const g of groups) {
      const n = Number(g.count);
      const outcome = outcomeOf(g.status);
      if (outcome === 'merged') continue;
      const key = outcome === 'solved' ? 'resolved' : outcome;
      const row = rows.get(Number(g.categoryId)) ?? { open: 0, resolved: 0, unfixed: 0 };
      row[key] += n;
      rows.set(Number(g.categoryId), row);
      totals[key] += n;
      // Raw booleans arrive as 0/1 (a string on some drivers): compare numerically.
      if (outcome === 'solved' && Number(g.leftBuilding) === 0 && g.level === 'building') totals.settledInBuilding += n;
    }
    return {
      compound: { id: compound.id, name: compound.name },
      building: building ? { id: building.id, name: building.name } : null,
      days,
      rows: categories.filter((c) => rows.has(c.id)).map((c) => ({ categoryId: c.id, categoryName: c.name, ...rows.get(c.id)! })),
      totals,
    };
  },
});
