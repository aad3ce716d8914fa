import { INBOX_TAB_STATUSES, INBOX_TABS, ZInboxCountsRequest, type InboxTab, type NeedTabCountsDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { anyInboxScope, inboxFiltered } from './list-inbox';
import { countByStatus, sumOf, urgentCondition } from './work-list';

/** The 接单箱's tab badges: one grouped query over the caller's receiving scopes and the list's search. */
export const countInbox = defineAction({
  input: ZInboxCountsRequest,
  async handler(input, { actor, ds }): Promise<NeedTabCountsDTO<InboxTab>> {
    const qb = inboxFiltered(ds.manager, input);
    anyInboxScope(qb, actor);
    const counts = await countByStatus(qb, urgentCondition(clock.now(), []));
    return Object.fromEntries(INBOX_TABS.map((t) => [t, sumOf(counts, INBOX_TAB_STATUSES[t])])) as NeedTabCountsDTO<InboxTab>;
  },
});
