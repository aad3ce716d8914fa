import { ZPeriodRequest, type PeriodReviewDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forbidden, invalidTransition, notFound } from '../../../core/errors';
import { organisationsByIds } from '../../community/public';
import { isCityAdmin } from '../../identity/public';
import { FirmResult, HouseholdRating, RatingPeriod } from '../entities';
import { assessorsPerPeriod } from '../periods';
import { presentPeriod, presentStored } from '../rating.presenter';
import { pendingObjections } from '../review';

/**
 * 审核: from the close on, the admin reads every firm's results and the public comments (with their
 * moderation state and reports) before starting 公示; nobody else sees a closed period's results.
 */
export const getPeriodReview = defineAction({
  input: ZPeriodRequest,
  async handler({ periodId }, ctx) {
    if (!isCityAdmin(ctx.actor)) throw forbidden('只有管理员可以审核评价结果');
    const em = ctx.ds.manager;
    const period = await em.findOne(RatingPeriod, { where: { id: periodId } });
    if (!period) throw notFound('评价期');
    if (period.status === 'open') throw invalidTransition('评价期截止后才能审核结果');
    const results = await em.find(FirmResult, { where: { periodId }, order: { firmId: 'ASC', compoundType: 'ASC' } });
    const firmIds = [...new Set(results.map((r) => r.firmId))];
    const firms = await organisationsByIds(em, firmIds);
    const comments = await em.find(HouseholdRating, { where: { periodId }, order: { id: 'DESC' } });
    const dto: PeriodReviewDTO = {
      period: presentPeriod(period),
      firms: await Promise.all(
        firmIds.map(async (firmId) => {
          const assessors = (await assessorsPerPeriod(em, firmId, [periodId])).get(periodId) ?? 0;
          return {
            firm: { id: firmId, name: firms.get(firmId)?.name ?? '' },
            results: results.filter((r) => r.firmId === firmId).map((r) => presentStored(r, period, assessors)),
            comments: comments
              .filter((c) => c.firmId === firmId && c.commentPublic)
              .map((c) => ({ ratingId: c.id, body: c.commentPublic, status: c.commentStatus, reports: c.reports, at: c.updatedAt.toISOString() })),
          };
        }),
      ),
      pendingObjections: await pendingObjections(em, periodId),
    };
    return dto;
  },
});
