import { useState } from 'react';
import { View } from '@tarojs/components';
import type { ProxyElderDTO } from '@hg/types';
import { LIMITS } from '@hg/types/limits';
import Page from '../../../../components/Page';
import Field from '../../../../components/Field';
import StateView from '../../../../components/StateView';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { bookings } from '../../../../services/bookings';
import { ROUTES, openPage, withQuery } from '../../../../routes';
import './index.scss';

/** One elder of the patch: who, how old, 独居; a tap opens her centre's week to book for her. */
function ElderRow({ elder }: { elder: ProxyElderDTO }) {
  const open = () => openPage(withQuery(ROUTES.bookingWeek, { centreId: elder.centreId, elderId: elder.id, elderName: elder.name }));
  return (
    <View className='card proxy__elder' role='listitem' data-testid={`proxy-elder-${elder.id}`}>
      <View>
        <View className='proxy__name'>
          {elder.name}
          {elder.livesAlone ? <View className='proxy__tag'>独居</View> : null}
        </View>
        <View className='proxy__meta'>
          {elder.age}岁 · {elder.centreName}
          {elder.hasAccount ? '' : ' · 无手机'}
        </View>
        <View className='muted'>记录为：{elder.channelLabel}</View>
      </View>
      <View className='btn btn--primary' role='button' {...FOCUSABLE} data-testid={`proxy-book-${elder.id}`} onClick={open}>
        代订
      </View>
    </View>
  );
}

/**
 * 为老人代订: grid workers, building heads and community staff book meals for the elders of their
 * patch — those whose home is in the places their role covers (the server decides, by the same proxy
 * rule as 代办点单). The booking records who booked it (楼栋长代订 …) and the elder, or her family
 * when she has no account, is told.
 */
export default function ProxyPage() {
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  const list = useLoad(() => bookings.proxyElders(q ? { q } : {}), [q]);
  return (
    <Page title='为老人代订'>
      <View className='muted'>为辖区内没有手机、不会用手机的老人订餐。订单会记录为您代订，并通知老人或其家属。</View>
      <View className='card'>
        <Field
          id='proxy-q'
          label='按姓名查找'
          placeholder='输入老人姓名'
          maxlength={LIMITS.nameMax}
          value={typed}
          onChange={(v) => {
            setTyped(v);
            setQ(v.trim());
          }}
        />
      </View>
      <StateView loading={list.loading} error={list.error} onRetry={list.reload} />
      {list.data ? (
        list.data.length ? (
          <View role='list' data-testid='proxy-list'>
            {list.data.map((e) => (
              <ElderRow key={e.id} elder={e} />
            ))}
          </View>
        ) : (
          <View className='card muted' data-testid='proxy-empty'>
            {q ? '辖区内没有找到这位老人。请核对姓名，或请日间照料中心先为老人建档。' : '辖区内还没有在日间照料中心建档的老人。'}
          </View>
        )
      ) : null}
    </Page>
  );
}
