import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { InboxTab } from '@hg/types';
import { INBOX_TAB_LABEL, INBOX_TABS } from '@hg/types/needs';
import Page from '../../../../components/Page';
import Tabs from '../../../../components/Tabs';
import { useLoad } from '../../../../hooks/useLoad';
import { usePaged } from '../../../../hooks/usePaged';
import { needs } from '../../../../services/needs';
import NeedListView from '../../components/NeedListView';
import NeedSearch from '../../components/NeedSearch';

const EMPTY_TEXT: Record<InboxTab, string> = {
  action: '暂无需要处理的需求',
  dispatched: '没有待接单的需求',
  working: '没有处理中的需求',
  on_hold: '没有挂起的需求',
  resolved: '没有已办结的需求',
  all: '暂无需求',
};

/**
 * 接单箱: what was dispatched to my organisation (or claimed by me). Opens on 待办 — everything
 * still in my hands, overdue first — with a count on every tab and search by number or words.
 */
export default function InboxPage() {
  const [tab, setTab] = useState<InboxTab>('action');
  const [q, setQ] = useState('');
  const [older, setOlder] = useState(false);
  const [visit, setVisit] = useState(0);
  useDidShow(() => setVisit((v) => v + 1));
  const search = { ...(q ? { q } : {}), ...(q && older ? { older: true } : {}) };
  const counts = useLoad(() => needs.inboxCounts(search), [q, older, visit]);
  const list = usePaged((cursor) => needs.inbox({ tab, ...search, limit: 20, ...(cursor ? { cursor } : {}) }), [tab, q, older, visit]);
  const tabs = INBOX_TABS.map((t) => ({ value: t, label: INBOX_TAB_LABEL[t], count: counts.data ? counts.data[t] : null }));
  return (
    <Page title='接单箱'>
      <NeedSearch
        id='inbox-search'
        value={q}
        older={older}
        onOlder={setOlder}
        onSearch={(text) => {
          // Search every status; clearing goes back to 待办.
          setQ(text);
          setOlder(false);
          setTab(text ? 'all' : 'action');
        }}
      />
      <Tabs label='按状态查看' tabs={tabs} value={tab} onChange={setTab} testId='inbox-tab' />
      <NeedListView label={`接单箱：${INBOX_TAB_LABEL[tab]}`} list={list} emptyText={q ? '没有找到符合搜索的需求' : EMPTY_TEXT[tab]} />
    </Page>
  );
}
