import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { LADDER_TAB_LABEL, LADDER_TABS, type LadderTab } from '@hg/types/needs';
import Page from '../../../../components/Page';
import Tabs from '../../../../components/Tabs';
import { useLoad } from '../../../../hooks/useLoad';
import { usePaged } from '../../../../hooks/usePaged';
import { needs } from '../../../../services/needs';
import NeedListView from '../../components/NeedListView';
import './index.scss';

/**
 * 升级待办: open needs that reached my rung of the ladder in my scope (overdue first, then escalated).
 * Each tab shows how many it lists (ladderCounts, the same scope as the list). A row opens the
 * detail, whose buttons (派单, 转单, 督办) come from the server's `can`.
 */
export default function LadderPage() {
  const [filter, setFilter] = useState<LadderTab>('all');
  const [visit, setVisit] = useState(0);
  useDidShow(() => setVisit((v) => v + 1));
  const counts = useLoad(() => needs.ladderCounts({}), [visit]);
  const list = usePaged(
    (cursor) => needs.ladder({ ...(filter === 'overdue' ? { overdue: true } : {}), limit: 20, ...(cursor ? { cursor } : {}) }),
    [filter, visit],
  );
  const tabs = LADDER_TABS.map((t) => ({ value: t, label: LADDER_TAB_LABEL[t], count: counts.data ? counts.data[t] : null }));
  return (
    <Page title='升级待办'>
      <View className='muted ladder__hint'>小事不出楼栋、大事不出小区：升级到您这一级的需求，由您派单、转单或督办接单方。</View>
      <Tabs label='按超时筛选' tabs={tabs} value={filter} onChange={setFilter} testId='ladder-tab' />
      <NeedListView label='升级待办' list={list} emptyText={filter === 'overdue' ? '暂无超时的需求' : '暂无升级到您这一级的需求'} />
    </Page>
  );
}
