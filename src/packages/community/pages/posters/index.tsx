import { useState } from 'react';
import { Image, View } from '@tarojs/components';
import Page from '../../../../components/Page';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import StateView from '../../../../components/StateView';
import { useLoad } from '../../../../hooks/useLoad';
import type { CompoundSummaryDTO, RoleAssignmentDTO } from '@hg/types';
import { POSTER_ROLES } from '@hg/types/roles';
import { community } from '../../../../services/community';
import { me } from '../../../../services/me';
import { PLATFORM, printPage } from '../../../../services/platform';
import { getCurrentCompoundId } from '../../../../store/current-compound';
import './index.scss';
import { FOCUSABLE } from '../../../../components/a11y';

/** The compounds a person's poster roles (compound level or above) cover. */
function printableCompounds(compounds: CompoundSummaryDTO[], roles: RoleAssignmentDTO[]): CompoundSummaryDTO[] {
  const held = roles.filter((r) => POSTER_ROLES.includes(r.role));
  return compounds.filter((c) =>
    held.some(
      (r) =>
        r.scopeLevel === 'city' ||
        (r.scopeLevel === 'street' && r.scopeId === c.street.id) ||
        (r.scopeLevel === 'community' && r.scopeId === c.community.id) ||
        (r.scopeLevel === 'compound' && r.scopeId === c.id),
    ),
  );
}

/**
 * Printable QR posters for a compound and each of its buildings. Staff print them from the H5
 * build and post them at gates and stairwells; residents scan them to enter and bind.
 */
export default function PostersPage() {
  const directory = useLoad(() => community.listCompounds(), []);
  const profile = useLoad(() => me.get(), []);
  // Only the compounds the person may print (the server refuses the others anyway).
  const compounds = {
    ...directory,
    loading: directory.loading || profile.loading,
    error: directory.error ?? profile.error,
    data: directory.data && profile.data ? printableCompounds(directory.data, profile.data.roles) : null,
  };
  const [picked, setCompoundId] = useState<number | null>(getCurrentCompoundId);
  const compoundId = compounds.data?.some((c) => c.id === picked) ? picked : compounds.data?.length === 1 ? compounds.data[0].id : null;
  const posters = useLoad(compoundId ? () => community.posters({ compoundId }) : null, [compoundId]);

  return (
    <Page title='二维码海报' className='posters'>
      <View className='card posters__controls'>
        <StateView
          loading={compounds.loading}
          error={compounds.error}
          onRetry={() => {
            directory.reload();
            profile.reload();
          }}
        />
        {compounds.data ? (
          <ChoiceGroup
            id='poster-compound'
            label='选择小区'
            options={compounds.data.map((c) => ({ value: c.id, label: c.name }))}
            value={compoundId}
            onChange={setCompoundId}
            emptyText='您的管辖范围内暂无小区'
          />
        ) : null}
        {PLATFORM.canPrint && posters.data && posters.data.length > 0 ? (
          <View className='btn btn--primary' role='button' {...FOCUSABLE} onClick={printPage}>
            打印
          </View>
        ) : null}
        {!PLATFORM.canPrint ? <View className='muted'>请在电脑浏览器中打开本页面打印海报。</View> : null}
      </View>

      {compoundId ? (
        <StateView loading={posters.loading} error={posters.error} empty={posters.data?.length === 0} emptyText='暂无海报' onRetry={posters.reload} />
      ) : null}
      <View className='posters__grid' role='list'>
        {(posters.data ?? []).map((p) => (
          <View key={`${p.kind}-${p.id}`} className='poster' role='listitem'>
            <View className='poster__brand'>红色管家</View>
            <View className='poster__name' role='heading' aria-level={2}>
              {p.name}
            </View>
            <Image className='poster__qr' src={p.image} mode='scaleToFill' nativeProps={{ alt: `${p.name} 二维码` }} aria-label={`${p.name} 二维码`} />
            <View className='poster__cta'>微信扫码 · 居民点单、认证房屋</View>
            <View className='poster__scene'>编码 {p.scene}</View>
          </View>
        ))}
      </View>
    </Page>
  );
}
