import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import Page from '../../../../components/Page';
import { FOCUSABLE } from '../../../../components/a11y';
import { usePaged } from '../../../../hooks/usePaged';
import { needs } from '../../../../services/needs';
import { ROUTES, openPage } from '../../../../routes';
import Tabs from '../../../../components/Tabs';
import NeedListView from '../../components/NeedListView';
import './index.scss';

type Tab = 'open' | 'done';
const TABS: { value: Tab; label: string }[] = [
  { value: 'open', label: '进行中' },
  { value: 'done', label: '已结束' },
];
const PAGE_SIZE = 20;

/** 我的需求: what I reported, still open or finished, newest first. */
export default function MyNeedsPage() {
  const [tab, setTab] = useState<Tab>('open');
  const [visit, setVisit] = useState(0);
  // Back from a detail page: statuses may have moved.
  useDidShow(() => setVisit((v) => v + 1));
  const list = usePaged((cursor) => needs.mine({ open: tab === 'open', limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }), [tab, visit]);
  return (
    <Page title='我的需求'>
      <View className='btn btn--primary mine__new' role='button' {...FOCUSABLE} data-testid='need-new' onClick={() => openPage(ROUTES.needCreate)}>
        我要点单
      </View>
      <Tabs label='需求状态' tabs={TABS} value={tab} onChange={setTab} testId='mine-tab' />
      <NeedListView label={tab === 'open' ? '进行中的需求' : '已结束的需求'} list={list} emptyText={tab === 'open' ? '没有进行中的需求' : '没有已结束的需求'} />
    </Page>
  );
}
