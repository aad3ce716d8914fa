import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import Page from '../../../../components/Page';
import Tabs from '../../../../components/Tabs';
import { usePaged } from '../../../../hooks/usePaged';
import { needs } from '../../../../services/needs';
import NeedListView from '../../components/NeedListView';
import './index.scss';

type Filter = 'all' | 'overdue';
const TABS: { value: Filter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'overdue', label: '只看超时' },
];

/**
 * 升级待办: open needs that reached my rung of the ladder in my scope (overdue first, then escalated).
 * A row opens the detail, whose buttons (派单, 转单, 催办) come from the server's `can`.
 */
export default function LadderPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const [visit, setVisit] = useState(0);
  useDidShow(() => setVisit((v) => v + 1));
  const list = usePaged(
    (cursor) => needs.ladder({ ...(filter === 'overdue' ? { overdue: true } : {}), limit: 20, ...(cursor ? { cursor } : {}) }),
    [filter, visit],
  );
  return (
    <Page title='升级待办'>
      <View className='muted ladder__hint'>小事不出楼栋、大事不出小区：升级到您这一级的需求，由您派单、转单或督办接单方。</View>
      <Tabs label='按超时筛选' tabs={TABS} value={filter} onChange={setFilter} testId='ladder-tab' />
      <NeedListView label='升级待办' list={list} emptyText='暂无升级到您这一级的需求' />
    </Page>
  );
}
