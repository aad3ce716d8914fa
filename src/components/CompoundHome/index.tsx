import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { CompoundHomeDTO, OrgDTO } from '@hg/types';
import './index.scss';
import { FOCUSABLE } from '../a11y';

export interface CompoundHomeProps {
  compound: CompoundHomeDTO;
  /** Shown under the facts, e.g. 「绑定房屋」. */
  actions?: React.ReactNode;
}

function callHotline(org: OrgDTO) {
  if (org.hotline) void Taro.makePhoneCall({ phoneNumber: org.hotline });
}

/**
 * The compound's public home: who governs it, who serves it, how big it is. Shared by the QR
 * entry page, the compound page and the home tab so a resident always sees the same card.
 */
export default function CompoundHome({ compound, actions }: CompoundHomeProps) {
  const firm = compound.propertyFirm;
  return (
    <View className='compound'>
      <View className='card compound__head'>
        <View className='compound__name' role='heading' aria-level={2}>
          {compound.name}
        </View>
        <View className='compound__tag'>{compound.typeLabel}</View>
        <View className='compound__line'>
          {compound.street.name} · {compound.community.name}
        </View>
        {compound.address ? <View className='compound__line'>地址：{compound.address}</View> : null}
        {compound.building ? <View className='compound__line compound__strong'>当前楼栋：{compound.building.name}</View> : null}
      </View>

      <View className='card compound__stats' role='list' aria-label='小区概况'>
        <View className='compound__stat' role='listitem'>
          <View className='compound__stat-num'>{compound.buildingCount}</View>
          <View>栋楼</View>
        </View>
        <View className='compound__stat' role='listitem'>
          <View className='compound__stat-num'>{compound.householdCount}</View>
          <View>户</View>
        </View>
        <View className='compound__stat' role='listitem'>
          <View className='compound__stat-num'>{compound.verifiedHouseholdCount}</View>
          <View>已认证户</View>
        </View>
      </View>

      <View className='card'>
        <View className='card__title' role='heading' aria-level={2}>
          物业服务
        </View>
        {firm ? (
          <View className='compound__org'>
            <View className='compound__org-name'>{firm.name}</View>
            {firm.hotline ? (
              <View className='btn btn--ghost compound__call' role='button' {...FOCUSABLE} onClick={() => callHotline(firm)}>
                服务热线 {firm.hotline}
              </View>
            ) : (
              <View className='compound__line'>暂无服务热线</View>
            )}
          </View>
        ) : (
          <View className='compound__line'>暂无物业企业信息</View>
        )}
      </View>

      <View className='card'>
        <View className='card__title' role='heading' aria-level={2}>
          服务清单
        </View>
        {compound.services.length === 0 ? <View className='compound__line'>暂无服务组织</View> : null}
        <View role='list'>
          {compound.services.map((s) => (
            <View key={s.id} className='compound__service' role='listitem'>
              <View className='compound__org-name'>{s.name}</View>
              <View className='compound__line'>
                {s.kindLabel}
                {s.hotline ? ` · 电话 ${s.hotline}` : ''}
              </View>
            </View>
          ))}
        </View>
      </View>

      {actions ? <View className='compound__actions'>{actions}</View> : null}
    </View>
  );
}
