import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import Page from '../../components/Page';
import StateView from '../../components/StateView';
import { useLoad } from '../../hooks/useLoad';
import { community } from '../../services/community';
import { getCurrentCompoundId } from '../../store/current-compound';
import { ROUTES, openPage, withQuery } from '../../routes';
import './index.scss';
import { FOCUSABLE } from '../../components/a11y';

/**
 * 需求 tab. The needs list (居民点单) arrives with the next issue; until then the tab shows the
 * real service list of the resident's compound and says plainly what is coming.
 */
export default function NeedsPage() {
  const [compoundId, setCompoundId] = useState<number | null>(getCurrentCompoundId);
  useDidShow(() => setCompoundId(getCurrentCompoundId()));
  const home = useLoad(compoundId ? () => community.getCompound(compoundId) : null, [compoundId]);

  return (
    <Page title='需求与服务'>
      <View className='notice'>需求点单（居民点单、社区派单、接单办理、群众评单）即将上线，敬请期待。</View>
      {compoundId ? (
        <>
          <StateView loading={home.loading} error={home.error} onRetry={home.reload} />
          {home.data ? (
            <View className='card'>
              <View className='card__title' role='heading' aria-level={2}>
                {home.data.name} · 服务清单
              </View>
              {home.data.services.length === 0 ? <View className='muted'>本小区暂无服务组织</View> : null}
              <View role='list'>
                {home.data.services.map((s) => (
                  <View key={s.id} className='needs__service' role='listitem'>
                    <View className='needs__service-name'>{s.name}</View>
                    <View className='muted'>
                      {s.kindLabel}
                      {s.hotline ? ` · 电话 ${s.hotline}` : ''}
                    </View>
                  </View>
                ))}
              </View>
            </View>
          ) : null}
          <View
            className='btn btn--ghost'
            role='button' {...FOCUSABLE}
            onClick={() => openPage(withQuery(ROUTES.compound, { compoundId }))}
          >
            查看小区主页
          </View>
        </>
      ) : (
        <>
          <View className='card'>请先在首页进入您所在的小区，即可查看本小区的服务清单。</View>
          <View className='btn btn--primary' role='button' {...FOCUSABLE} onClick={() => openPage(ROUTES.home)}>
            去首页
          </View>
        </>
      )}
    </Page>
  );
}
