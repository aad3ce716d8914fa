import { ZListDeliveriesRequest } from '@hg/types/cobuilding-schemas';
import { defineAction } from '../../../core/action';
import { decodeCursor, encodeCursor } from '../../../core/cursor';
import { visibleAgreements } from '../cobuilding.policy';
import { presentDeliveries } from '../cobuilding.presenter';
import { Agreement, Delivery } from '../entities';

/**
 * 交付记录: deliveries of the agreements the caller sees, newest first (keyset on id); `status:
 * 'pending'` is the street's or community's 待确认 list, `agreementId` one agreement's record.
 */
export const listDeliveries = defineAction({
  input: ZListDeliveriesRequest,
  async handler({ agreementId, status, cursor, limit }, ctx) {
    const em = ctx.ds.manager;
    const pageSize = limit ?? 20;
    const qb = visibleAgreements(em.createQueryBuilder(Delivery, 'd').innerJoin(Agreement, 'a', 'a.id = d.agreementId'), ctx.actor);
    if (agreementId) qb.andWhere('d.agreementId = :agreementId', { agreementId });
    if (status) qb.andWhere('d.status = :status', { status });
    const after = decodeCursor(cursor);
    if (after) qb.andWhere('d.id < :after', { after });
    const rows = await qb
      .orderBy('d.id', 'DESC')
      .limit(pageSize + 1)
      .getMany();
    const page = rows.slice(0, pageSize);
    return { items: await presentDeliveries(em, page, ctx.actor), nextCursor: rows.length > pageSize ? encodeCursor(page[page.length - 1].id) : null };
  },
});
