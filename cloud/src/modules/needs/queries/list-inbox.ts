import { Brackets, type EntityManager, type SelectQueryBuilder, type WhereExpressionBuilder } from 'typeorm';
import { INBOX_TAB_STATUSES, ZInboxRequest, type TInboxCountsRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { assignmentsOf, type Actor } from '../../identity/public';
import { Need } from '../need.entity';
import { needPage, phasedNeedPage } from './need-page';
import { SCOPE_COLUMN } from './need-scope';
import { applySearch, searchWindow, urgentCondition, type SearchWindow } from './work-list';

type ScopeWhere = (qb: WhereExpressionBuilder, i: number) => void;

/**
 * Who the caller receives for: in person (dispatched or claimed to them), and each organisation
 * they work for, but only inside the node their org_staff role sits on (the firm's staff of
 * 南街社区 do not see the firm's needs in 书院街社区). One condition per scope.
 */
export function inboxScopes(actor: Actor): ScopeWhere[] {
  const scopes: ScopeWhere[] = [(qb) => qb.andWhere('n.receiverUserId = :uid', { uid: actor.userId })];
  for (const role of assignmentsOf(actor, ['org_staff'])) {
    if (!role.organisationId) continue;
    const column = SCOPE_COLUMN[role.scopeLevel];
    const org = role.organisationId;
    scopes.push((qb, i) => {
      qb.andWhere(`n.receiverOrgId = :org${i}`, { [`org${i}`]: org });
      if (column) qb.andWhere(`n.${column} = :scope${i}`, { [`scope${i}`]: role.scopeId });
    });
  }
  return scopes;
}

/** The inbox filters other than tab and status. */
export function inboxFiltered(em: EntityManager, input: TInboxCountsRequest, window: SearchWindow | null): SelectQueryBuilder<Need> {
  const qb = em.createQueryBuilder(Need, 'n');
  applySearch(qb, input.q, window);
  return qb;
}

/** The OR of the caller's inbox scopes, as one condition (for counting, not for paging). */
export function anyInboxScope(qb: SelectQueryBuilder<Need>, actor: Actor): void {
  qb.andWhere(
    new Brackets((or) => {
      inboxScopes(actor).forEach((apply, i) => or.orWhere(new Brackets((one) => apply(one, i))));
    }),
  );
}

/**
 * 接单箱: needs the caller is the receiver of, by tab (待办 = dispatched, accepted, in progress or
 * on hold, overdue first), status and search. Without a tab: every status.
 */
export const listInbox = defineAction({
  input: ZInboxRequest,
  async handler(input, { actor, ds }) {
    const { status, tab = 'all', cursor, limit = 20 } = input;
    const now = clock.now();
    const window = await searchWindow(ds.manager, input.q, input.older, now);
    const statuses = INBOX_TAB_STATUSES[tab];
    const branches = (extra: (qb: SelectQueryBuilder<Need>) => void) => () =>
      inboxScopes(actor).map((apply, i) => {
        const qb = inboxFiltered(ds.manager, input, window);
        apply(qb, i);
        if (status) qb.andWhere('n.status = :status', { status });
        if (statuses) qb.andWhere('n.status IN (:...tabStatuses)', { tabStatuses: statuses });
        extra(qb);
        return qb;
      });
    if (tab !== 'action') return needPage(ds.manager, branches(() => undefined)(), cursor, limit);
    const overdue = urgentCondition(now, []);
    return phasedNeedPage(
      ds.manager,
      [branches((qb) => qb.andWhere(overdue.sql, overdue.params)), branches((qb) => qb.andWhere(`NOT ${overdue.sql}`, overdue.params))],
      cursor,
      limit,
    );
  },
});
