import { In } from 'typeorm';
import { VISIBLE_PERIOD_STATUSES, ZLeaderboardRequest, type LeaderboardDTO } from '@hg/types';
import { definePublicAction } from '../../../core/action';
import { notFound } from '../../../core/errors';
import { firmServiceQuery, organisationsByIds } from '../../community/public';
import { FirmResult, RatingPeriod } from '../entities';
import { presentPeriod } from '../rating.presenter';

/**
 * 物业星级榜 (public) of a period in 公示 or final (the latest by default, results at their current version; `periods` lists the others for
 * the past boards), for the city, a street or a community: the firms serving compounds there, ranked by composite among those with enough
 * households; the ones below the minimum sample follow, unranked, with their sample size.
 */
export const getLeaderboard = definePublicAction({
  input: ZLeaderboardRequest,
  async handler({ scope, scopeId, periodId }, ctx) {
    const em = ctx.ds.manager;
    // The board shows the latest public period — in 公示 (marked 公示中 by its status) or final; the
    // picker lists final periods only, newest first (a period under review or in 公示 is not a past board).
    const visible = await em.find(RatingPeriod, { where: { status: In([...VISIBLE_PERIOD_STATUSES]) }, order: { id: 'DESC' } });
    const finals = visible.filter((p) => p.status === 'published');
    const periods = finals.map((p) => ({ id: p.id, code: p.code }));
    const period = periodId ? visible.find((p) => p.id === periodId) : visible[0];
    if (periodId && !period) throw notFound('已公布的评价期');
    if (!period) return { period: null, periods, rows: [] } satisfies LeaderboardDTO;
    // The period's results of firms serving a compound of that type in the place: one statement,
    // joined to the (firm, type) pairs community lists there, not every result filtered in JS.
    const serving = firmServiceQuery(em, scope === 'street' ? { streetId: scopeId } : scope === 'community' ? { communityId: scopeId } : {});
    const results = await em
      .createQueryBuilder(FirmResult, 'r')
      .innerJoin(`(${serving.getQuery()})`, 'p', 'p.firmId = r.firmId AND p.compoundType = r.compoundType')
      .where('r.periodId = :periodId', { periodId: period.id })
      .setParameters(serving.getParameters())
      .orderBy('r.id', 'ASC')
      .getMany();
    const firms = await organisationsByIds(
      em,
      results.map((r) => r.firmId),
    );
    const ranked = results.filter((r) => r.starsX2 !== null).sort((a, b) => (b.composite ?? 0) - (a.composite ?? 0));
    const unranked = results.filter((r) => r.starsX2 === null).sort((a, b) => b.sample - a.sample);
    const rows: LeaderboardDTO['rows'] = [...ranked.map((r, i) => ({ rank: i + 1, r })), ...unranked.map((r) => ({ rank: null, r }))].map(({ rank, r }) => ({
      rank,
      firm: { id: r.firmId, name: firms.get(r.firmId)?.name ?? '' },
      compoundType: r.compoundType,
      stars: r.starsX2 === null ? null : r.starsX2 / 2,
      composite: r.starsX2 === null ? null : r.composite,
      sample: r.sample,
    }));
    return { period: presentPeriod(period), periods, rows } satisfies LeaderboardDTO;
  },
});
