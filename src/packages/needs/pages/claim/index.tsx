import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { NeedSummaryDTO } from '@hg/types';
import Page from '../../../../components/Page';
import { usePaged } from '../../../../hooks/usePaged';
import { needs } from '../../../../services/needs';
import { ROUTES, openPage, withQuery } from '../../../../routes';
import NeedListView from '../../components/NeedListView';
import './index.scss';
import BusyButton from '../../../../components/BusyButton';

function ClaimButton({ need, onClaimed }: { need: NeedSummaryDTO; onClaimed: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const claim = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const res = await needs.claim({ needId: need.id });
    setBusy(false);
    if (!res.ok) {
      // Another member was quicker (CONFLICT 已被其他党员认领): say so and take it off the list.
      setError(res.error.message);
      return;
    }
    void Taro.showToast({ title: '认领成功', icon: 'success' });
    onClaimed();
    openPage(withQuery(ROUTES.needDetail, { id: need.id }));
  };
  return (
    <View className='claim__extra'>
      <BusyButton
        className='claim__btn'
        label='认领'
        busy={busy}
        busyLabel='认领中…'
        ariaLabel={`认领 ${need.category.name} #${need.id}`}
        testId={`claim-${need.id}`}
        onClick={claim}
      />
      {error ? (
        <View className='field__error' role='alert' data-testid={`claim-error-${need.id}`}>
          {error}
        </View>
      ) : null}
    </View>
  );
}

/** 待认领: needs published for party members of my compound (党员主动认领). */
export default function ClaimPage() {
  const [visit, setVisit] = useState(0);
  useDidShow(() => setVisit((v) => v + 1));
  const list = usePaged((cursor) => needs.claimable({ limit: 20, ...(cursor ? { cursor } : {}) }), [visit]);
  return (
    <Page title='待认领'>
      <View className='muted claim__hint'>认领后由您负责联系居民并办理，办结时需上传照片。</View>
      <NeedListView
        label='待认领的需求'
        list={list}
        emptyText='暂时没有待认领的需求'
        renderExtra={(n) => <ClaimButton need={n} onClaimed={() => list.update((x) => x.id === n.id, null)} />}
      />
    </Page>
  );
}
