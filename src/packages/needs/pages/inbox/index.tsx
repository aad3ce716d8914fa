import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { NeedStatus } from '@hg/types';
import Page from '../../../../components/Page';
import { usePaged } from '../../../../hooks/usePaged';
import { needs } from '../../../../services/needs';
import Tabs from '../../../../components/Tabs';
import NeedListView from '../../components/NeedListView';

type Filter = NeedStatus | '';
const TABS: { value: Filter; label: string }[] = [
  { value: '', label: '全部' },
  { value: 'dispatched', label: '待接单' },
  { value: 'accepted', label: '已接单' },
  { value: 'in_progress', label: '处理中' },
  { value: 'on_hold', label: '挂起' },
  { value: 'resolved', label: '已办结' },
];

/** 接单箱: what was dispatched to my organisation (or claimed by me), filtered by status. */
export default function InboxPage() {
  const [status, setStatus] = useState<Filter>('');
  const [visit, setVisit] = useState(0);
  useDidShow(() => setVisit((v) => v + 1));
  const list = usePaged((cursor) => needs.inbox({ ...(status ? { status } : {}), limit: 20, ...(cursor ? { cursor } : {}) }), [status, visit]);
  return (
    <Page title='接单箱'>
      <Tabs label='按状态筛选' tabs={TABS} value={status} onChange={setStatus} testId='inbox-tab' />
      <NeedListView label='接单箱' list={list} emptyText='暂无需要处理的需求' />
    </Page>
  );
}
