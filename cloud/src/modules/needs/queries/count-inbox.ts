import { INBOX_TAB_STATUSES, INBOX_TABS, ZInboxCountsRequest, type InboxTab, type NeedTabCountsDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { anyInboxScope, inboxFiltered } from './list-inbox';
import { countByStatus, searchWindow, sumOf } from './work-list';

/** The 接单箱's tab badges: one grouped count over the caller's receiving scopes and the list's search. */
export const countInbox = defineAction({
  input: ZInboxCountsRequest,
  async handler(input, { actor, ds }): Promise<NeedTabCountsDTO<InboxTab>> {
    const window = await searchWindow(ds.manager, input.q, input.older, clock.now());
    const base = () => {
      const qb = inboxFiltered(ds.manager, input, window);
      anyInboxScope(qb, actor);
      return qb;
    };
    // The inbox's tabs are plain statuses: no urgent count, so the totals come from the index alone.
    const counts = await countByStatus(base);
    return Object.fromEntries(INBOX_TABS.map((t) => [t, sumOf(counts, INBOX_TAB_STATUSES[t])])) as NeedTabCountsDTO<InboxTab>;
  },
});
