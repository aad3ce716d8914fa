import { ZListAgreementsRequest } from '@hg/types/cobuilding-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { decodeCursor, encodeCursor } from '../../../core/cursor';
import { visibleAgreements } from '../cobuilding.policy';
import { presentSummaries } from '../cobuilding.presenter';
import { Agreement } from '../entities';

/** 共建协议: the agreements the caller sees (visibleAgreements), newest first (keyset on id), by department or status if asked. */
export const listAgreements = defineAction({
  input: ZListAgreementsRequest,
  async handler({ departmentId, status, cursor, limit }, ctx) {
    const em = ctx.ds.manager;
    const pageSize = limit ?? 20;
    const qb = visibleAgreements(em.createQueryBuilder(Agreement, 'a'), ctx.actor);
    if (departmentId) qb.andWhere('a.departmentId = :departmentId', { departmentId });
    if (status) qb.andWhere('a.status = :status', { status });
    const after = decodeCursor(cursor);
    if (after) qb.andWhere('a.id < :after', { after });
    const rows = await qb
      .orderBy('a.id', 'DESC')
      .take(pageSize + 1)
      .getMany();
    const page = rows.slice(0, pageSize);
    return { items: await presentSummaries(em, page, clock.now()), nextCursor: rows.length > pageSize ? encodeCursor(page[page.length - 1].id) : null };
  },
});
