import { ZReportsRequest } from '@hg/types/party-schemas';
import { PARTY_LIMITS } from '@hg/types/party';
import { defineAction } from '../../../core/action';
import { decodeCursor, encodeCursor } from '../../../core/cursor';
import { notFound } from '../../../core/errors';
import { compoundsByIds } from '../../community/public';
import { PartyReport } from '../entities';
import { mayConfirm } from '../party.policy';
import { presentReports } from '../party.presenter';

/** 报到审核: a compound's reports by status (pending by default), newest first, for the branch over it. */
export const listReports = defineAction({
  input: ZReportsRequest,
  async handler({ compoundId, status, cursor }, ctx) {
    const em = ctx.ds.manager;
    const compound = (await compoundsByIds(em, [compoundId])).get(compoundId);
    if (!compound || !mayConfirm(ctx.actor, { streetId: compound.streetId, communityId: compound.communityId, compoundId })) throw notFound('小区');
    const after = decodeCursor(cursor);
    const qb = em
      .createQueryBuilder(PartyReport, 'r')
      .where('r.compoundId = :compoundId AND r.status = :status', { compoundId, status: status ?? 'pending' })
      .orderBy('r.id', 'DESC')
      .take(PARTY_LIMITS.pageSize + 1);
    if (after) qb.andWhere('r.id < :after', { after });
    const rows = await qb.getMany();
    const page = rows.slice(0, PARTY_LIMITS.pageSize);
    return { items: await presentReports(em, page, ctx.actor), nextCursor: rows.length > page.length ? encodeCursor(page[page.length - 1].id) : null };
  },
});
