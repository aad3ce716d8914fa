import type { Envelope } from '@hg/types';
import type { EntryCount } from '../../manifest-types';
import { households } from '../../services/households';
import { needs } from '../../services/needs';
import { notifications } from '../../services/notifications';

/** What a work tile says about its list: `待派单 3`, or `待审核 20+` when only a first page was read. */
export interface WorkCount {
  label: string;
  count: number;
  more: boolean;
}

/** Lists without a count action are peeked at with one page this long; more shows as `20+`. */
export const PEEK = 20;

const exact = (label: string) => (res: Envelope<Record<string, number>>, key: string) => (res.ok ? { label, count: res.data[key] ?? 0, more: false } : null);
const peeked = (label: string) => (res: Envelope<{ items: unknown[]; nextCursor: string | null }>) =>
  res.ok ? { label, count: res.data.items.length, more: !!res.data.nextCursor } : null;

/**
 * One reader per count a manifest entry may ask for (EntryCount), each a single existing call: the
 * tab counts of 接单箱 and 派单台 where the server counts, else the first page of the list. A failed
 * call shows no number rather than a wrong one.
 */
export const WORK_COUNTS: Record<EntryCount, () => Promise<WorkCount | null>> = {
  needInbox: async () => exact('待办')(await needs.inboxCounts({}), 'action'),
  needQueue: async () => exact('待派单')(await needs.queueCounts({}), 'action'),
  needLadder: async () => exact('待处理')(await needs.ladderCounts({}), 'all'),
  needClaimable: async () => peeked('可认领')(await needs.claimable({ limit: PEEK })),
  verifyQueue: async () => peeked('待审核')(await households.verifyQueue({ limit: PEEK })),
  unreadMessages: async () => {
    const res = await notifications.list({ unreadOnly: true, limit: 1 });
    return res.ok ? { label: '未读', count: res.data.unread, more: false } : null;
  },
};
